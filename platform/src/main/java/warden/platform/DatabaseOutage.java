package warden.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/** Tells an error caused by PostgreSQL being unreachable (a stop, a restart, a network cut) from any other. */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    /**
     * Whether the error came before anything reached the database (no connection could be had): nothing was stored.
     * Otherwise the connection broke under the work, and whether its commit went through is unknown.
     */
    public static boolean beforeAnyWrite(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLTransientConnectionException
                    || e instanceof ConnectException
                    || e instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return true;
            }
        }
        return false;
    }

    public static boolean causes(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLTransientConnectionException
                    || e instanceof ConnectException
                    || e instanceof DataAccessResourceFailureException
                    || e instanceof TransientDataAccessResourceException) {
                return true;
            }
            // SQL state class 08: connection exception; 57P01-57P03: the server is shutting down or starting
            if (e instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // a connection the pool closed under a transaction when the server went away (HikariCP gives no state)
            if (e instanceof SQLException
                    && e.getStackTrace().length > 0
                    && e.getStackTrace()[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection")) {
                return true;
            }
        }
        return false;
    }
}

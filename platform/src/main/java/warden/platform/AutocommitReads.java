package warden.platform;

import java.util.function.Supplier;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event store's transactions, except that a read outside any transaction runs without one of its own. Axon wraps
 * each of its reads in a transaction: the processors' reader, told of a commit, runs three of them, and each one's
 * COMMIT is a round trip of its own for nothing (every statement at READ COMMITTED sees its own snapshot either way,
 * and a read has nothing to commit). A read inside a transaction (an aggregate loaded for a command) joins it, and
 * writes keep their transactions.
 */
final class AutocommitReads implements TransactionManager {

    private final TransactionManager transactions;

    AutocommitReads(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        return transactions.startTransaction();
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> read) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) return transactions.fetchInTransaction(read);
        return read.get();
    }
}

package warden;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command and query sides together, as one node runs them, for the query side's Spring Boot tests. */
@SpringBootApplication
public class QuerySideTestApplication {}

package warden;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side, the query side and the REST API together, as an API node runs them, for the API's tests. */
@SpringBootApplication
public class ApiTestApplication {}

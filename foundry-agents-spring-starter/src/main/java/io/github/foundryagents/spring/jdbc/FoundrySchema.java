package io.github.foundryagents.spring.jdbc;

import io.github.foundryagents.spring.diagnostics.ConfigurationProblems;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ClassUtils;

/**
 * Makes sure the JDBC stores' tables exist before they are used: applies the starter's PostgreSQL migration with
 * Flyway (its own history table, so it never mixes with the application's migrations), then checks that the
 * tables are there. Fails start-up with the fix when the database is not PostgreSQL or the tables are missing.
 */
public final class FoundrySchema {

    /** Where the migrations live on the classpath. */
    public static final String LOCATION = "classpath:io/github/foundryagents/spring/jdbc/migration";
    /** Flyway's history table for this schema. */
    public static final String HISTORY_TABLE = "foundry_agents_schema_history";
    /** The migration file, for teams that apply it with their own tool. */
    public static final String SCRIPT = "io/github/foundryagents/spring/jdbc/migration/V1__foundry_agents_tasks_and_usage.sql";

    private static final Logger LOG = LoggerFactory.getLogger(FoundrySchema.class);
    private static final String FLYWAY = "org.flywaydb.core.Flyway";

    private FoundrySchema() {
    }

    /**
     * @param dataSource the application's PostgreSQL data source
     * @param migrate whether to apply the migration with Flyway
     * @throws io.github.foundryagents.core.config.FoundryConfigException when the schema cannot be used
     */
    public static void prepare(DataSource dataSource, boolean migrate) {
        requirePostgreSql(dataSource);
        if (migrate) {
            if (!ClassUtils.isPresent(FLYWAY, FoundrySchema.class.getClassLoader())) {
                throw ConfigurationProblems.problem("foundry.agents.jdbc.migrate", "the JDBC stores need their tables"
                        + " and foundry.agents.jdbc.migrate=true, but Flyway is not on the classpath: add"
                        + " org.flywaydb:flyway-core and org.flywaydb:flyway-database-postgresql, or apply classpath:"
                        + SCRIPT + " yourself and set foundry.agents.jdbc.migrate=false");
            }
            migrate(dataSource);
        }
        requireTables(dataSource);
    }

    private static void migrate(DataSource dataSource) {
        var result = Flyway.configure(FoundrySchema.class.getClassLoader()).dataSource(dataSource)
                .locations(LOCATION).table(HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Applied {} foundry-agents schema migration(s), now at version {}", result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }

    private static void requirePostgreSql(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the DataSource to prepare the foundry-agents tables: "
                    + e.getMessage(), e);
        }
        if (!product.toLowerCase(Locale.ROOT).contains("postgresql")) {
            throw ConfigurationProblems.problem("foundry.agents.tasks.store", "the JDBC task and usage stores need"
                    + " PostgreSQL, but the DataSource is " + product + ": set foundry.agents.tasks.store and"
                    + " foundry.agents.usage.store to in-memory or redis, or point spring.datasource.url at PostgreSQL");
        }
    }

    private static void requireTables(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                var check = c.prepareStatement("SELECT to_regclass('foundry_task') IS NOT NULL"
                        + " AND to_regclass('foundry_usage') IS NOT NULL");
                var rs = check.executeQuery()) {
            if (rs.next() && rs.getBoolean(1)) {
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the foundry-agents tables: " + e.getMessage(), e);
        }
        throw ConfigurationProblems.problem("foundry.agents.jdbc.migrate", "the tables foundry_task and foundry_usage"
                + " do not exist in the DataSource's schema: set foundry.agents.jdbc.migrate=true (with Flyway on the"
                + " classpath) or apply classpath:" + SCRIPT);
    }
}

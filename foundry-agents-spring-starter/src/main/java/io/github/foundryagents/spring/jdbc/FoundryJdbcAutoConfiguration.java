package io.github.foundryagents.spring.jdbc;

import io.github.foundryagents.core.tasks.TaskStore;
import io.github.foundryagents.core.usage.UsageStore;
import io.github.foundryagents.spring.condition.ConditionalOnAutoOr;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL task and usage stores on the application's {@link DataSource}, when there is one and the store
 * properties are {@code auto} or {@code jdbc}. The schema is prepared first ({@link FoundrySchema}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = FoundryAgentsProperties.PREFIX, name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(FoundryAgentsProperties.class)
public class FoundryJdbcAutoConfiguration {

    /** The prepared schema; the stores depend on it so they are never used before it exists. */
    public static final class PreparedSchema {
        private PreparedSchema() {
        }
    }

    /**
     * @param dataSource the application's data source
     * @param properties the properties
     * @return a marker that the tables exist; lazy, so nothing touches the database unless a JDBC store is used
     */
    @Bean
    @Lazy
    public PreparedSchema foundryAgentsSchema(DataSource dataSource, FoundryAgentsProperties properties) {
        FoundrySchema.prepare(dataSource, properties.jdbc().migrate());
        return new PreparedSchema();
    }

    /**
     * @param dataSource the application's data source
     * @param schema the prepared schema
     * @return the task store
     */
    @Bean
    @ConditionalOnMissingBean(TaskStore.class)
    @ConditionalOnAutoOr(property = "foundry.agents.tasks.store", value = "jdbc")
    public JdbcTaskStore foundryJdbcTaskStore(DataSource dataSource, PreparedSchema schema) {
        return new JdbcTaskStore(dataSource);
    }

    /**
     * @param dataSource the application's data source
     * @param schema the prepared schema
     * @return the usage store
     */
    @Bean
    @ConditionalOnMissingBean(UsageStore.class)
    @ConditionalOnAutoOr(property = "foundry.agents.usage.store", value = "jdbc")
    public JdbcUsageStore foundryJdbcUsageStore(DataSource dataSource, PreparedSchema schema) {
        return new JdbcUsageStore(dataSource);
    }
}

package org.govhall.system;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;

/**
 * Spring Data JDBC settings shared by every module (ADR 0003): tables are named
 * {@code <module>_<aggregate>} and identifiers are not quoted, so one set of migrations
 * serves H2 (upper-casing) and PostgreSQL (lower-casing).
 */
@Configuration(proxyBeanMethods = false)
class PersistenceSettings extends AbstractJdbcConfiguration {

	@Bean
	NamingStrategy moduleNamingStrategy() {
		return new ModuleNamingStrategy();
	}

	@Override
	protected Collection<String> getMappingBasePackages() {
		return List.of("org.govhall");
	}

	@Override
	public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
			JdbcCustomConversions customConversions, RelationalManagedTypes jdbcManagedTypes) {
		JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
		context.setForceQuote(false);
		return context;
	}

	/**
	 * {@code org.govhall.catalog.ItemVersion} → {@code catalog_item_version}; back
	 * references {@code item_version_id}.
	 */
	static final class ModuleNamingStrategy implements NamingStrategy {

		@Override
		public String getTableName(Class<?> type) {
			String pkg = type.getPackageName();
			String module = pkg.substring(pkg.lastIndexOf('.') + 1);
			return module + "_" + snake(type.getSimpleName());
		}

		@Override
		public String getReverseColumnName(RelationalPersistentEntity<?> owner) {
			return snake(owner.getType().getSimpleName()) + "_id";
		}

		@Override
		public String getReverseColumnName(RelationalPersistentProperty property) {
			return getReverseColumnName(property.getOwner());
		}

		@Override
		public String getKeyColumn(RelationalPersistentProperty property) {
			return "idx";
		}

		static String snake(String camel) {
			return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
		}

	}

}

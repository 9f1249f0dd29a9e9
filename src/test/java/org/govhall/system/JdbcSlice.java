package org.govhall.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a repository slice ({@code @DataJdbcTest}) of any module needs from {@code system}: the module naming of
 * tables and columns ({@code <module>_<aggregate>}, unquoted) that the application's own mapping uses, and its clock.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(PersistenceSettings.class)
public class JdbcSlice {

}

package org.govhall.agency;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the {@code agency} module (ADR 0028).
 *
 * @param maxValidity the longest period an authorisation may run, from its first to its
 * last day
 */
@ConfigurationProperties("govhall.agency")
record AgencySettings(@DefaultValue("P1Y") Period maxValidity) {
}

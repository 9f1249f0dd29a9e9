/**
 * Agents' authorisations (代办授权委托, issue 12, item 2, ADR 0025): an agent (代办人) asks a
 * principal for authority over named items and a bounded period; the principal confirms
 * or declines it from their verified account, and may revoke it at any time; the agent
 * may withdraw it. Case handling files through an agent only under one that is confirmed,
 * in force and covers the item ({@link org.govhall.agency.Authorisations#requireUsable}).
 */
@ApplicationModule(allowedDependencies = { "catalog", "directory", "shared" })
@NullMarked
package org.govhall.agency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

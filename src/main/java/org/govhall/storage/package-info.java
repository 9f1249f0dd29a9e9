/**
 * Files (材料样表, later applicants' materials and generated documents): content checked by
 * its leading bytes, a size limit, SHA-256 kept with the name and type in the database,
 * and the bytes behind a {@link FileStore} (local disk by default, an S3-compatible store
 * in production).
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.govhall.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The reference data in and out of the database. {@link org.lancang.store.reference.ReferenceStore} saves a network
 * and its rolling stock into an empty database and reads them back, so that a running Lancang always works from what
 * is stored; {@link org.lancang.store.reference.ClasspathDataFiles} reads the reference files packed into the jar (a
 * built Lancang never reads files outside itself).
 */
package org.lancang.store.reference;

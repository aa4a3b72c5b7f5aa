/**
 * A railway's reference data taken together: the network and the rolling stock, read from the same data files and
 * checked ({@link org.lancang.reference.ReferenceData#parse}). It sits above both, and apart from the CSV reading in
 * {@code data}, so that neither depends on the other and no package cycle forms. The store loads it into an empty
 * database once and reads it back from there; tests and benchmarks parse it straight from the files.
 */
package org.lancang.reference;

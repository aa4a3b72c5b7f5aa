/**
 * Reading the railway's reference data. The network, the rolling stock, the timetable and the fares come as CSV files
 * with a source for every figure (data/china-laos/). The core does no I/O: an adapter hands it the text of each named
 * file through {@link org.lancang.data.DataFiles}, and {@link org.lancang.data.CsvTable} reads that text with typed
 * accessors. A mistake in a file is a {@link org.lancang.data.DataFileException} that names the file, the line and the
 * field, so whoever edits the data sees exactly where it is wrong.
 *
 * <p>This package is at the bottom of the core: it knows nothing of what the files describe.
 */
package org.lancang.data;

/**
 * What Lancang's UN/EDIFACT messages share, whichever module writes them (tracking's IFTSTA in the web layer, customs'
 * CUSCAR beside the customs service): reading a message's schema of the segments Lancang uses from the classpath, and
 * naming where in an interchange the schema check found a problem. StAEDI writes and reads both.
 */
package org.lancang.store.edi;

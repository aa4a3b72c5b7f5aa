/** Customs at the border over HTTP (issue 18): {@code /api/freight/manifests}, {@code /api/freight/customs}, the border board. */
package org.lancang.web.customs;

package org.lancang.gtfs;

import java.util.Objects;

/**
 * Who publishes a feed, written to {@code feed_info.txt}. The feed's start and end dates are not given here: the
 * exporter takes them from the exported trains' calendars so they cannot disagree.
 *
 * @param publisherName the organisation that publishes the feed (not necessarily an operator)
 * @param publisherUrl  its web site
 * @param lang          IETF language tag of the feed's text, also used as every agency's {@code agency_lang};
 *                      stop and agency names are written in English, so {@code en}
 * @param version       the feed version, e.g. a timetable period or a date stamp
 * @param contactEmail  where consumers report problems; blank for none (but give this or {@code contactUrl})
 * @param contactUrl    a web page for reporting problems; blank for none
 */
public record FeedInfo(
        String publisherName,
        String publisherUrl,
        String lang,
        String version,
        String contactEmail,
        String contactUrl) {
    public FeedInfo {
        Objects.requireNonNull(publisherName, "publisherName");
        Objects.requireNonNull(publisherUrl, "publisherUrl");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(version, "version");
        contactEmail = contactEmail == null ? "" : contactEmail;
        contactUrl = contactUrl == null ? "" : contactUrl;
        if (publisherName.isBlank() || publisherUrl.isBlank() || lang.isBlank()) {
            throw new IllegalArgumentException("publisherName, publisherUrl and lang are required by GTFS");
        }
    }
}

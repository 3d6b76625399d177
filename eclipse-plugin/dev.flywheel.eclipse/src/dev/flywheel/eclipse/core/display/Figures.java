package dev.flywheel.eclipse.core.display;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Formats the backend's numbers the same way in every view; a missing number is an em dash. */
public final class Figures {

    /** What a view shows for a number the backend did not report. */
    public static final String NONE = "\u2014"; //$NON-NLS-1$

    private Figures() {}

    /** A ratio in [0, 1] as a percentage with one decimal ("84.0 %"). */
    public static String percent(Double ratio) {
        return ratio == null ? NONE : String.format(Locale.ROOT, "%.1f %%", ratio * 100); //$NON-NLS-1$
    }

    /** A signed difference of ratios in percentage points ("+13.0 pp"). */
    public static String points(Double delta) {
        return delta == null ? NONE : String.format(Locale.ROOT, "%+.1f pp", delta * 100); //$NON-NLS-1$
    }

    /** A number with up to three decimals. */
    public static String decimal(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.3f", value); //$NON-NLS-1$
    }

    /** Seconds with one decimal ("4.2 s"), or minutes and seconds from a minute on ("1 min 35 s"). */
    public static String seconds(Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds); //$NON-NLS-1$
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %d s", whole / 60, whole % 60); //$NON-NLS-1$
    }

    /** The ratio of the largest to the smallest class ("6.0 : 1"). */
    public static String imbalance(Double ratio) {
        return ratio == null ? NONE : String.format(Locale.ROOT, "%.1f : 1", ratio); //$NON-NLS-1$
    }

    /** A count, or the em dash. */
    public static String count(Long value) {
        return value == null ? NONE : Long.toString(value);
    }

    /** An ISO-8601 time from the backend in the user's locale and time zone ("7 Dec 2026, 16:02:11"); as sent when unreadable. */
    public static String dateTime(String iso) {
        return dateTime(iso, ZoneId.systemDefault(), Locale.getDefault(Locale.Category.FORMAT));
    }

    /** {@link #dateTime(String)} in {@code zone} and {@code locale}. */
    public static String dateTime(String iso, ZoneId zone, Locale locale) {
        if (iso == null || iso.isBlank()) {
            return NONE;
        }
        Instant instant = instant(iso);
        if (instant == null) {
            return iso;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone).format(instant);
    }

    /**
     * Short labels for a series of ISO-8601 times, in the user's locale and time zone: the time of day when all fall on
     * one day ("16:02:11"), else date and time ("07/12/2026, 16:02"); an unreadable time is shown as sent.
     */
    public static List<String> timeLabels(List<String> isos) {
        return timeLabels(isos, ZoneId.systemDefault(), Locale.getDefault(Locale.Category.FORMAT));
    }

    /** {@link #timeLabels(List)} in {@code zone} and {@code locale}. */
    public static List<String> timeLabels(List<String> isos, ZoneId zone, Locale locale) {
        List<Instant> instants = isos.stream().map(Figures::instant).toList();
        long days = instants.stream().filter(Objects::nonNull).map(i -> i.atZone(zone).toLocalDate()).distinct().count();
        DateTimeFormatter format = (days <= 1 ? DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)).withLocale(locale).withZone(zone);
        List<String> labels = new ArrayList<>(isos.size());
        for (int i = 0; i < isos.size(); i++) {
            labels.add(instants.get(i) == null ? text(isos.get(i)) : format.format(instants.get(i)));
        }
        return labels;
    }

    private static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(iso);
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    /** A text, or the em dash when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}

package dev.flywheel.backend.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A markdown report as its preamble and its {@code ## } sections, so that a partial benchmark run replaces the sections
 * it measured and keeps the others as they were (each carries its own date and machine load).
 *
 * @param preamble everything before the first section
 * @param sections each section's text (heading line included) under its heading line, in the order they appear
 */
record ReportSections(String preamble, Map<String, String> sections) {

    ReportSections {
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    static ReportSections parse(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        int first = markdown.startsWith("## ") ? 0 : markdown.indexOf("\n## ") + 1;
        if (first <= 0 && !markdown.startsWith("## ")) {
            return new ReportSections(markdown, sections);
        }
        String preamble = markdown.substring(0, first);
        int start = first;
        while (start < markdown.length()) {
            int next = markdown.indexOf("\n## ", start);
            int end = next < 0 ? markdown.length() : next + 1;
            String section = markdown.substring(start, end);
            sections.put(section.lines().findFirst().orElseThrow(), section);
            start = end;
        }
        return new ReportSections(preamble, sections);
    }

    /**
     * {@code fresh}'s preamble, then the sections in {@code order}: each from {@code fresh} where it measured it, else as
     * {@code previous} had it; sections of {@code previous} that {@code order} does not know come last but one, and
     * {@code fresh}'s own others (the list of changes) last.
     */
    static String merge(String previous, String fresh, List<String> order) {
        ReportSections old = parse(previous);
        ReportSections now = parse(fresh);
        StringBuilder out = new StringBuilder(now.preamble());
        List<String> written = new ArrayList<>();
        for (String heading : order) {
            String section = now.sections().getOrDefault(heading, old.sections().get(heading));
            if (section != null) {
                out.append(withBlankLineAtEnd(section));
                written.add(heading);
            }
        }
        old.sections().forEach((heading, section) -> {
            if (!written.contains(heading) && !now.sections().containsKey(heading)) {
                out.append(withBlankLineAtEnd(section));
            }
        });
        now.sections().forEach((heading, section) -> {
            if (!written.contains(heading)) {
                out.append(withBlankLineAtEnd(section));
            }
        });
        return out.toString().stripTrailing() + "\n";
    }

    /**
     * {@code previous} with {@code section} (starting with its {@code ## } heading line) in place of the section of the same
     * heading, or added at the end: how a benchmark that runs on its own writes its figures and keeps everyone else's.
     */
    static String replace(String previous, String section) {
        ReportSections old = parse(previous);
        String heading = section.lines().findFirst().orElseThrow();
        StringBuilder out = new StringBuilder(old.preamble());
        boolean replaced = false;
        for (Map.Entry<String, String> entry : old.sections().entrySet()) {
            boolean same = entry.getKey().equals(heading);
            out.append(withBlankLineAtEnd(same ? section : entry.getValue()));
            replaced |= same;
        }
        if (!replaced) {
            out.append(withBlankLineAtEnd(section));
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String withBlankLineAtEnd(String section) {
        return section.stripTrailing() + "\n\n";
    }
}

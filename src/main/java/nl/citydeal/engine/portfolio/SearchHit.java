package nl.citydeal.engine.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the search found a deal: the Dutch name of the text ({@code Ambitie}, {@code Deelnemer}, a step and the label
 * of one of its fields) and a short snippet of that text around the match, in parts of which the matching ones are to
 * be highlighted. The parts are plain text: whoever shows them escapes them (the page does, with {@code th:text}).
 */
public record SearchHit(String source, List<Part> parts) {

    /** Characters shown before and after the match. */
    static final int BEFORE = 60;

    static final int AFTER = 100;
    static final String ELLIPSIS = "…";

    public SearchHit {
        parts = List.copyOf(parts);
    }

    /** The snippet as plain text. */
    public String snippet() {
        return parts.stream().map(Part::text).collect(Collectors.joining());
    }

    /** A piece of the snippet; {@code match} when it is what was searched for. */
    public record Part(String text, boolean match) {}

    /**
     * The snippet of {@code content} around the {@code length} characters at {@code at} (the match), cut at spaces,
     * with an ellipsis where the text goes on; the start of the text, without a highlight, when {@code at} is -1.
     */
    static SearchHit around(String source, String content, int at, int length) {
        String text = content == null ? "" : content;
        if (at < 0) {
            int to = cutBefore(text, Math.min(text.length(), BEFORE + AFTER));
            return new SearchHit(
                    source,
                    parts(List.of(new Part(text.substring(0, to) + (to < text.length() ? ELLIPSIS : ""), false))));
        }
        int from = cutAfter(text, Math.max(0, at - BEFORE), at);
        int to = cutBefore(text, Math.min(text.length(), at + length + AFTER), at + length);
        return new SearchHit(
                source,
                parts(List.of(
                        new Part((from > 0 ? ELLIPSIS : "") + text.substring(from, at), false),
                        new Part(text.substring(at, at + length), true),
                        new Part(text.substring(at + length, to) + (to < text.length() ? ELLIPSIS : ""), false))));
    }

    /**
     * The snippet of {@code content} that the database marked ({@code start} before and {@code stop} after each
     * match), with an ellipsis where {@code content} goes on beyond it.
     */
    static SearchHit marked(String source, String content, String marked, char start, char stop) {
        List<Part> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inMatch = false;
        for (char c : marked.toCharArray()) {
            if (c == start || c == stop) {
                parts.add(new Part(current.toString(), inMatch));
                current.setLength(0);
                inMatch = c == start;
            } else {
                current.append(c);
            }
        }
        parts.add(new Part(current.toString(), inMatch));
        String plain =
                parts.stream().map(Part::text).collect(Collectors.joining()).strip();
        String whole = content == null ? "" : content.strip();
        if (!whole.startsWith(plain)) {
            parts.add(0, new Part(ELLIPSIS, false));
        }
        if (!whole.endsWith(plain)) {
            parts.add(new Part(ELLIPSIS, false));
        }
        return new SearchHit(source, parts(parts));
    }

    /** The parts without empty ones, neighbours of the same kind joined. */
    private static List<Part> parts(List<Part> parts) {
        List<Part> joined = new ArrayList<>();
        for (Part part : parts) {
            if (part.text().isEmpty()) {
                continue;
            }
            if (!joined.isEmpty() && joined.get(joined.size() - 1).match() == part.match()) {
                Part last = joined.remove(joined.size() - 1);
                joined.add(new Part(last.text() + part.text(), part.match()));
            } else {
                joined.add(part);
            }
        }
        return joined;
    }

    /** The first position after a space between {@code from} and {@code limit}, or {@code from}. */
    private static int cutAfter(String text, int from, int limit) {
        if (from == 0) {
            return 0;
        }
        for (int i = from; i < limit; i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return from;
    }

    /** The last space between {@code limit} and {@code to}, or {@code to}. */
    private static int cutBefore(String text, int to) {
        return cutBefore(text, to, 0);
    }

    private static int cutBefore(String text, int to, int limit) {
        if (to >= text.length()) {
            return text.length();
        }
        for (int i = to; i > limit; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return to;
    }
}

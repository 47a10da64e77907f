package com.bpo.kit.pii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text (chat messages, complaint text) so that events and views can carry the text.
 *
 * <p>What it finds, each replaced by its {@link PiiMasking} form:
 *
 * <ul>
 *   <li>mainland mobile numbers {@code 1[3-9]} + 9 digits, also written {@code 138 1234 5678} or
 *       {@code 138-1234-5678}, with an optional {@code +86}, {@code 0086} or {@code 86} prefix;
 *   <li>landlines: a valid area code ({@code 010}, {@code 02x}, {@code 0[3-9]xx}), optionally in parentheses, and a
 *       7 or 8 digit local number: {@code 021-12345678}, {@code (0571) 8888 6666};
 *   <li>18-character resident ID card numbers whose birth date is plausible and whose check character (ISO 7064
 *       MOD 11-2, {@code X} allowed) is right;
 *   <li>e-mail addresses;
 *   <li>street addresses as far as a pattern can tell: a Chinese street with a house number ({@code 文三路477号},
 *       {@code 愚园路1088弄5号}), an estate with a building, unit or room ({@code 阳光花园3栋2单元501室}), each with
 *       whatever building, floor or room follows and whatever province, city and district precedes; an English
 *       house number, street name and street type ({@code 221B Baker Street}).
 * </ul>
 *
 * <p>Digit rule: a number is only taken when the digits it consists of are not directly preceded or followed by
 * another digit. A 19-digit Tmall order id, an 18-digit JD order id or a tracking number therefore never yields a
 * phone number from its middle; an 18-digit run is taken as an ID card only when its date and check character
 * fit, which a random order id does about once in ten thousand times.
 *
 * <p>Full-width digits and signs ({@code １３８}, {@code ＋}, {@code －}, {@code ＠}) are read as their ASCII forms, as
 * Chinese input methods often produce them; a masked finding is written with ASCII characters.
 *
 * <p>When findings overlap the one that starts first wins, then the longer one (an e-mail address made of a phone
 * number is masked as an e-mail address).
 */
public final class PiiRedactor {

    private static final String NOT_AFTER_DIGIT = "(?<!\\d)";
    private static final String NOT_BEFORE_DIGIT = "(?!\\d)";

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private static final Pattern ID_CARD = Pattern.compile(NOT_AFTER_DIGIT
            + "[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
            + NOT_BEFORE_DIGIT);

    private static final Pattern MOBILE = Pattern.compile(
            NOT_AFTER_DIGIT + "(?:(?:\\+86|0086|86)[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d{4}){2}" + NOT_BEFORE_DIGIT);

    private static final Pattern LANDLINE = Pattern.compile(NOT_AFTER_DIGIT
            + "(?:\\((?:010|02\\d|0[3-9]\\d{2})\\)\\s?|(?:010|02\\d|0[3-9]\\d{2})[\\s-]?)"
            + "[1-9]\\d{2,3}[\\s-]?\\d{4}"
            + NOT_BEFORE_DIGIT);

    /** Han characters that can be part of a street or estate name: not the words that usually precede one. */
    private static final String NAME_CHAR = "[\\p{IsHan}&&[^在住到寄送发往是的我你他她址给请改为和或及]]";

    /** Building, floor, unit or room after a house number or estate: {@code 华星大厦3楼}, {@code 2单元}, {@code 501室}. */
    private static final String CN_UNIT =
            "(?:\\p{IsHan}{0,8}?[0-9A-Za-z]+(?:-[0-9A-Za-z]+)?" + "(?:号楼|栋|幢|座|单元|楼|层|室|号))";

    private static final Pattern CN_ADDRESS = Pattern.compile(PiiMasking.ADMINISTRATIVE_LEVELS
            + "(?:"
            + NAME_CHAR + "{1,10}(?:路|街|大道|道|巷|弄|胡同)(?:\\d+弄)?\\d+号" + CN_UNIT + "*"
            + "|"
            + NAME_CHAR + "{1,12}(?:小区|花园|公寓|家园|新村|大厦|苑)" + CN_UNIT + "+"
            + ")");

    private static final Pattern EN_ADDRESS = Pattern.compile("(?<![0-9A-Za-z])\\d{1,5}[A-Za-z]?"
            + "(?:\\s+[A-Z][A-Za-z'.-]*){1,4}\\s+"
            + "(?i:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace"
            + "|Parkway|Pkwy)(?![A-Za-z])\\.?"
            + "(?:,?\\s+(?i:Apt|Apartment|Suite|Unit|Room|Flat)\\.?\\s*#?[0-9A-Za-z-]+)?");

    private static final int[] ID_CARD_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CARD_CHECK_CHARACTERS = "10X98765432";

    /** The fewest digits any phone or ID card number has: a seven-digit local landline number. */
    private static final int FEWEST_NUMBER_DIGITS = 7;

    /** The most digits any phone or ID card number has: an ID card number (0086-prefixed mobiles have 15). */
    private static final int MOST_NUMBER_DIGITS = 18;

    /**
     * The most code points from the start of a Chinese address to the last character of its street or estate word:
     * three administrative levels of at most 13 each ({@code 8 + 特别行政区}, {@code 10 + 自治州}, {@code 12 + 区}), a
     * name of at most 12 and a two-character estate word.
     */
    private static final int LONGEST_ADDRESS_LEAD = 3 * 13 + 12 + 2; // 53

    // Each rule first asks where in the text it could find something at all (a necessary condition, so nothing is
    // missed), and its pattern is tried only there. Most chat messages have no digits, no '@' and no house number, and
    // the patterns, the Chinese address one above all, would otherwise be tried at every position of every message.
    private static final List<Rule> RULES = List.of(
            new Rule(PiiKind.EMAIL, EMAIL, Where.AROUND_AT_SIGN, match -> true, PiiMasking::maskEmail),
            new Rule(
                    PiiKind.ID_CARD,
                    ID_CARD,
                    Where.NUMBER_RUNS,
                    PiiRedactor::hasValidCheckCharacter,
                    PiiMasking::maskIdCard),
            new Rule(PiiKind.MOBILE_PHONE, MOBILE, Where.NUMBER_RUNS, match -> true, PiiMasking::maskPhone),
            new Rule(PiiKind.LANDLINE_PHONE, LANDLINE, Where.NUMBER_RUNS, match -> true, PiiMasking::maskPhone),
            new Rule(PiiKind.ADDRESS, CN_ADDRESS, Where.CHINESE_ADDRESS, match -> true, PiiMasking::maskAddress),
            new Rule(PiiKind.ADDRESS, EN_ADDRESS, Where.ENGLISH_ADDRESS, match -> true, match -> PiiMasking.MASK));

    private PiiRedactor() {}

    /** Masks every finding in {@code text}; {@code null} gives an unchanged {@code null}. */
    public static Redaction redact(String text) {
        return redact(text, false);
    }

    /**
     * As {@link #redact}, but tries every pattern on the whole text, without the checks that narrow where a pattern
     * could match. Slow; the reference the fast path is tested against.
     */
    static Redaction redactEverywhere(String text) {
        return redact(text, true);
    }

    private static Redaction redact(String text, boolean everywhere) {
        if (text == null || text.isBlank()) {
            return Redaction.unchanged(text);
        }
        String normalized = normalizeWidth(text);
        Traits traits = everywhere ? null : Traits.of(normalized);
        List<Finding> findings = new ArrayList<>();
        for (int rule = 0; rule < RULES.size(); rule++) {
            Rule current = RULES.get(rule);
            if (everywhere) {
                find(current, rule, normalized, new int[] {0, normalized.length()}, findings);
            } else if (current.where() == Where.CHINESE_ADDRESS) {
                findFrom(current, rule, normalized, traits.chineseAddressStarts(normalized), findings);
            } else {
                find(current, rule, normalized, traits.regions(current.where(), normalized.length()), findings);
            }
        }
        if (findings.isEmpty()) {
            return Redaction.unchanged(text);
        }
        findings.sort(Comparator.comparingInt(Finding::start)
                .thenComparing(Comparator.comparingInt(Finding::end).reversed())
                .thenComparingInt(Finding::rule));

        StringBuilder redacted = new StringBuilder(text.length());
        Set<PiiKind> kinds = EnumSet.noneOf(PiiKind.class);
        int copiedUpTo = 0;
        for (Finding finding : findings) {
            if (finding.start() < copiedUpTo) {
                continue; // overlaps a finding already replaced
            }
            Rule rule = RULES.get(finding.rule());
            redacted.append(text, copiedUpTo, finding.start())
                    .append(rule.mask().apply(normalized.substring(finding.start(), finding.end())));
            kinds.add(rule.kind());
            copiedUpTo = finding.end();
        }
        redacted.append(text, copiedUpTo, text.length());
        return new Redaction(redacted.toString(), true, kinds);
    }

    /** Adds the matches of {@code rule} inside each region (start and end offsets, pairwise). */
    private static void find(Rule rule, int index, String text, int[] regions, List<Finding> findings) {
        if (regions.length == 0) {
            return;
        }
        Matcher matcher = matcherOf(rule, text);
        for (int i = 0; i < regions.length; i += 2) {
            matcher.region(regions[i], regions[i + 1]);
            while (matcher.find()) {
                add(rule, index, matcher, findings);
            }
        }
    }

    /**
     * Adds the matches of {@code rule} that start at one of {@code starts} (ascending): what {@link Matcher#find()}
     * finds when no match can start anywhere else, without trying the pattern at every other position.
     */
    private static void findFrom(Rule rule, int index, String text, int[] starts, List<Finding> findings) {
        if (starts.length == 0) {
            return;
        }
        Matcher matcher = matcherOf(rule, text);
        int searchFrom = 0;
        for (int start : starts) {
            if (start < searchFrom) {
                continue; // inside a match already found, where find() would not look either
            }
            matcher.region(start, text.length());
            if (matcher.lookingAt()) {
                add(rule, index, matcher, findings);
                searchFrom = matcher.end();
            }
        }
    }

    // Transparent bounds: the look-arounds at a region's edges see the text beyond it, and no anchor matches there, so
    // a match inside a region is exactly a match the pattern finds in the whole text.
    private static Matcher matcherOf(Rule rule, String text) {
        return rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    private static void add(Rule rule, int index, Matcher matcher, List<Finding> findings) {
        if (rule.accept().test(matcher.group())) {
            findings.add(new Finding(matcher.start(), matcher.end(), index));
        }
    }

    /** Maps full-width ASCII forms and the ideographic space to ASCII, one char for one char so offsets stay. */
    private static String normalizeWidth(String text) {
        int first = 0;
        while (first < text.length() && !isWideForm(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = first; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - '\uFF01' + '!');
            } else if (c == '\u3000') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static boolean isWideForm(char c) {
        return (c >= '\uFF01' && c <= '\uFF5E') || c == '\u3000';
    }

    static boolean hasValidCheckCharacter(String idCard) {
        int sum = 0;
        for (int i = 0; i < ID_CARD_WEIGHTS.length; i++) {
            sum += (idCard.charAt(i) - '0') * ID_CARD_WEIGHTS[i];
        }
        return Character.toUpperCase(idCard.charAt(17)) == ID_CARD_CHECK_CHARACTERS.charAt(sum % 11);
    }

    private record Rule(
            PiiKind kind, Pattern pattern, Where where, Predicate<String> accept, UnaryOperator<String> mask) {}

    /** Where a rule's pattern could match, as far as one pass over the text can tell. */
    private enum Where {
        /** Anywhere, if the text has an '@'. */
        AROUND_AT_SIGN,
        /** Only inside runs of digits and the signs a phone or ID card number is written with. */
        NUMBER_RUNS,
        /**
         * If the text has a number or letter before a unit or house word: only in the run of Han characters before
         * a street or estate word, at most 53 of them.
         */
        CHINESE_ADDRESS,
        /** Anywhere, if a number (and maybe a letter) is followed by spaces and a capital letter. */
        ENGLISH_ADDRESS
    }

    /**
     * What one pass over a (width-normalised) text tells about where the patterns could match. Each condition is
     * necessary for a match of its rule, read off the patterns above; a test checks the result against trying every
     * pattern everywhere.
     */
    private static final class Traits {

        private static final int[] NOWHERE = {};

        private boolean hasAt;
        private boolean hasChineseUnit;
        private boolean mayHoldEnglishAddress;
        private int[] numberRuns = NOWHERE;
        private int numberRunBounds;
        private int[] places = NOWHERE;
        private int placeCount;

        static Traits of(String text) {
            Traits traits = new Traits();
            int runStart = -1;
            int runDigits = 0;
            int digitGroups = 0;
            char previous = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (isNumberSign(c)) {
                    if (runStart < 0) {
                        runStart = i;
                        runDigits = 0;
                        digitGroups = 0;
                    }
                    if (isDigit(c)) {
                        runDigits++;
                        if (!isDigit(previous)) {
                            digitGroups++;
                        }
                    }
                } else if (runStart >= 0) {
                    traits.endNumberRun(runStart, i, runDigits, digitGroups);
                    runStart = -1;
                }
                switch (c) {
                    case '@' -> traits.hasAt = true;
                    // A unit or house word right after an ASCII letter or digit: 477号, 3栋, 2单元, 501室, 3楼.
                    case '号', '栋', '幢', '座', '单', '楼', '层', '室' ->
                        traits.hasChineseUnit |= isAsciiLetterOrDigit(previous);
                    // The last character of each street and estate word: 路, 大道, 胡同, 小区, 花园, 公寓, 新村, 大厦, ...
                    case '路', '街', '道', '巷', '弄', '同', '区', '园', '寓', '村', '厦', '苑' -> traits.addPlace(i);
                    default -> {
                        if (c >= 'A' && c <= 'Z' && isSpace(previous)) {
                            traits.mayHoldEnglishAddress |= numberBeforeSpaces(text, i - 1);
                        }
                    }
                }
                previous = c;
            }
            if (runStart >= 0) {
                traits.endNumberRun(runStart, text.length(), runDigits, digitGroups);
            }
            return traits;
        }

        /** Start and end offsets, pairwise, of the parts of a text of {@code length} the rule's pattern could match in. */
        int[] regions(Where where, int length) {
            return switch (where) {
                case AROUND_AT_SIGN -> hasAt ? new int[] {0, length} : NOWHERE;
                case NUMBER_RUNS -> Arrays.copyOf(numberRuns, numberRunBounds);
                case ENGLISH_ADDRESS -> mayHoldEnglishAddress ? new int[] {0, length} : NOWHERE;
                case CHINESE_ADDRESS -> throw new IllegalArgumentException("Chinese addresses are found from starts");
            };
        }

        /**
         * The offsets, ascending, at which a Chinese address could start. Everything of a match up to the last
         * character of its street or estate word is Han script (administrative levels, name, word), and that word ends
         * at most 53 code points after the match's start.
         */
        int[] chineseAddressStarts(String text) {
            if (!hasChineseUnit || placeCount == 0) {
                return NOWHERE;
            }
            BitSet starts = new BitSet(text.length());
            for (int p = 0; p < placeCount; p++) {
                int start = places[p];
                for (int lead = 0; lead < LONGEST_ADDRESS_LEAD && start > 0; lead++) {
                    int codePoint = text.codePointBefore(start);
                    if (Character.UnicodeScript.of(codePoint) != Character.UnicodeScript.HAN) {
                        break;
                    }
                    start -= Character.charCount(codePoint);
                    starts.set(start);
                }
            }
            return starts.stream().toArray();
        }

        private void addPlace(int offset) {
            if (placeCount == places.length) {
                places = Arrays.copyOf(places, Math.max(4, places.length * 2));
            }
            places[placeCount++] = offset;
        }

        /**
         * Keeps a run of number signs that could hold a phone or ID card number: one with enough digits, unless they
         * are all one unbroken group longer than any such number. A number may not touch another digit, so inside
         * such a group (a 19-digit order id) a match would have to span the whole group, and none is that long.
         */
        private void endNumberRun(int start, int end, int digits, int digitGroups) {
            if (digits < FEWEST_NUMBER_DIGITS || (digitGroups == 1 && digits > MOST_NUMBER_DIGITS)) {
                return;
            }
            if (numberRunBounds == numberRuns.length) {
                numberRuns = Arrays.copyOf(numberRuns, Math.max(4, numberRuns.length * 2));
            }
            numberRuns[numberRunBounds++] = start;
            numberRuns[numberRunBounds++] = end;
        }

        /** Whether {@code text} holds digits, maybe a letter, and at least one space, ending at {@code end}. */
        private static boolean numberBeforeSpaces(String text, int end) {
            int i = end;
            while (i >= 0 && isSpace(text.charAt(i))) {
                i--;
            }
            if (i == end || i < 0) {
                return false;
            }
            char c = text.charAt(i);
            if (isDigit(c)) {
                return true;
            }
            return isAsciiLetter(c) && i > 0 && isDigit(text.charAt(i - 1));
        }

        /** The characters phone and ID card numbers are written with, as the number patterns allow them. */
        private static boolean isNumberSign(char c) {
            return isDigit(c) || isSpace(c) || c == '-' || c == '(' || c == ')' || c == '+' || c == 'X' || c == 'x';
        }

        /** What {@code \s} matches in a pattern without Unicode character classes. */
        private static boolean isSpace(char c) {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        private static boolean isAsciiLetterOrDigit(char c) {
            return isDigit(c) || isAsciiLetter(c);
        }
    }

    private record Finding(int start, int end, int rule) {}
}

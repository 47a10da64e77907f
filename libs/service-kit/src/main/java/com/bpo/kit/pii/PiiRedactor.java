package com.bpo.kit.pii;

import java.util.ArrayList;
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

    /** Characters one of which every Chinese street or estate address ends with ({@code 号}, {@code 室}, ...). */
    private static final String CN_ADDRESS_ENDINGS = "号栋幢座元楼层室";

    // Each rule first asks whether the text could hold a finding at all (a necessary condition, so nothing is missed).
    // Most chat messages have no digits, no '@' and no house number, and the patterns, the Chinese address one above
    // all, would otherwise be tried at every position of every message.
    private static final List<Rule> RULES = List.of(
            new Rule(PiiKind.EMAIL, EMAIL, Traits::hasAt, match -> true, PiiMasking::maskEmail),
            new Rule(
                    PiiKind.ID_CARD,
                    ID_CARD,
                    Traits::hasNumberDigits,
                    PiiRedactor::hasValidCheckCharacter,
                    PiiMasking::maskIdCard),
            new Rule(PiiKind.MOBILE_PHONE, MOBILE, Traits::hasNumberDigits, match -> true, PiiMasking::maskPhone),
            new Rule(PiiKind.LANDLINE_PHONE, LANDLINE, Traits::hasNumberDigits, match -> true, PiiMasking::maskPhone),
            new Rule(
                    PiiKind.ADDRESS, CN_ADDRESS, Traits::mayHoldChineseAddress, match -> true, PiiMasking::maskAddress),
            new Rule(
                    PiiKind.ADDRESS,
                    EN_ADDRESS,
                    Traits::mayHoldEnglishAddress,
                    match -> true,
                    match -> PiiMasking.MASK));

    private PiiRedactor() {}

    /** Masks every finding in {@code text}; {@code null} gives an unchanged {@code null}. */
    public static Redaction redact(String text) {
        if (text == null || text.isBlank()) {
            return Redaction.unchanged(text);
        }
        String normalized = normalizeWidth(text);
        Traits traits = Traits.of(normalized);
        List<Finding> findings = new ArrayList<>();
        for (int rule = 0; rule < RULES.size(); rule++) {
            if (!RULES.get(rule).applies().test(traits)) {
                continue;
            }
            Matcher matcher = RULES.get(rule).pattern().matcher(normalized);
            while (matcher.find()) {
                if (RULES.get(rule).accept().test(matcher.group())) {
                    findings.add(new Finding(matcher.start(), matcher.end(), rule));
                }
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

    /** Maps full-width ASCII forms and the ideographic space to ASCII, one char for one char so offsets stay. */
    private static String normalizeWidth(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - '\uFF01' + '!');
            } else if (c == '\u3000') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    static boolean hasValidCheckCharacter(String idCard) {
        int sum = 0;
        for (int i = 0; i < ID_CARD_WEIGHTS.length; i++) {
            sum += (idCard.charAt(i) - '0') * ID_CARD_WEIGHTS[i];
        }
        return Character.toUpperCase(idCard.charAt(17)) == ID_CARD_CHECK_CHARACTERS.charAt(sum % 11);
    }

    private record Rule(
            PiiKind kind,
            Pattern pattern,
            Predicate<Traits> applies,
            Predicate<String> accept,
            UnaryOperator<String> mask) {}

    /** What one pass over a text tells about which patterns could match in it. */
    private record Traits(int digits, boolean hasAt, boolean hasLetter, boolean hasAddressEnding) {

        static Traits of(String normalized) {
            int digits = 0;
            boolean at = false;
            boolean letter = false;
            boolean ending = false;
            for (int i = 0; i < normalized.length(); i++) {
                char c = normalized.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                } else if (c == '@') {
                    at = true;
                } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                    letter = true;
                } else if (CN_ADDRESS_ENDINGS.indexOf(c) >= 0) {
                    ending = true;
                }
            }
            return new Traits(digits, at, letter, ending);
        }

        boolean hasNumberDigits() {
            return digits >= FEWEST_NUMBER_DIGITS;
        }

        // A Chinese address ends with a house number or a unit made of ASCII letters or digits and one of the endings.
        boolean mayHoldChineseAddress() {
            return hasAddressEnding && (digits > 0 || hasLetter);
        }

        // An English address starts with a house number and names its street in Latin letters.
        boolean mayHoldEnglishAddress() {
            return digits > 0 && hasLetter;
        }
    }

    private record Finding(int start, int end, int rule) {}
}

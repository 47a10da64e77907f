package com.bpo.kit.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masked forms of personal data, the only form in which PII leaves a service outside the audited reveal call.
 *
 * <p>Every method returns {@code null} for {@code null} and blank input unchanged; otherwise the result always hides
 * at least part of the value. Lengths are counted in code points, so emoji and rare CJK characters count once.
 */
public final class PiiMasking {

    /** Stands for a masked part whose length is not shown (street part of an address). */
    public static final String MASK = "****";

    private static final char STAR = '*';

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern COUNTRY_PREFIX = Pattern.compile("^(?:\\+86|0086|86)");
    private static final Pattern LANDLINE =
            Pattern.compile("\\(?(010|02\\d|0[3-9]\\d{2})\\)?[\\s-]*([1-9]\\d{2,3})[\\s-]?(\\d{4})");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s()\\-]");

    /**
     * The administrative levels of a Chinese address that stay visible: province (省, 自治区, 特别行政区), city (市, 自治州,
     * 地区, 盟) and district or county (区, 县, county-level 市, 旗). Each level is Han characters without street words
     * (路, 街, 巷, 弄, 号), so a level never reaches into the street part; an estate (小区) or community (社区) is not a
     * district.
     */
    static final String ADMINISTRATIVE_LEVELS = "(?:[\\p{IsHan}&&[^市区县路街巷弄号]]{2,8}?(?:省|自治区|特别行政区))?"
            + "(?:[\\p{IsHan}&&[^省区县路街巷弄号]]{1,10}?(?:市|自治州|地区|盟))?"
            + "(?:[\\p{IsHan}&&[^省市路街巷弄号]]{1,12}?(?:(?<![小社])区|县|市|旗))?";

    private static final Pattern ADMINISTRATIVE_PREFIX = Pattern.compile("^" + ADMINISTRATIVE_LEVELS);

    private PiiMasking() {}

    /**
     * Masks a phone number.
     *
     * <ul>
     *   <li>Mainland mobile: first 3 and last 4 digits stay, {@code 13812345678 -> 138****5678}; a {@code +86},
     *       {@code 0086} or {@code 86} prefix is kept as {@code +86 }.
     *   <li>Landline: area code and last 4 digits stay, {@code 021-12345678 -> 021-****5678},
     *       {@code 0571-8888 6666 -> 0571-****6666}.
     *   <li>Anything else: every letter and digit is masked except the last 4 digits, which stay when there are
     *       at least 8; separators stay.
     * </ul>
     */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String trimmed = phone.strip();
        String compact = PHONE_SEPARATORS.matcher(trimmed).replaceAll("");
        Matcher prefix = COUNTRY_PREFIX.matcher(compact);
        if (prefix.find() && MOBILE.matcher(compact.substring(prefix.end())).matches()) {
            return "+86 " + maskMobile(compact.substring(prefix.end()));
        }
        if (MOBILE.matcher(compact).matches()) {
            return maskMobile(compact);
        }
        Matcher landline = LANDLINE.matcher(trimmed);
        if (landline.matches()) {
            String local = landline.group(2) + landline.group(3);
            return landline.group(1) + "-" + stars(local.length() - 4) + landline.group(3);
        }
        return maskAllButLastFourDigits(trimmed);
    }

    private static String maskMobile(String mobile) {
        return mobile.substring(0, 3) + stars(4) + mobile.substring(7);
    }

    /** Masks every letter and digit but the last 4 digits, which stay only when there are at least 8. */
    private static String maskAllButLastFourDigits(String value) {
        long digits = value.codePoints().filter(Character::isDigit).count();
        long keepFrom = digits >= 8 ? digits - 4 : digits;
        StringBuilder masked = new StringBuilder(value.length());
        long seen = 0;
        for (int offset = 0; offset < value.length(); ) {
            int codePoint = value.codePointAt(offset);
            offset += Character.charCount(codePoint);
            if (Character.isDigit(codePoint)) {
                if (seen >= keepFrom) {
                    masked.appendCodePoint(codePoint);
                } else {
                    masked.append(STAR);
                }
                seen++;
            } else if (Character.isLetter(codePoint)) {
                masked.append(STAR);
            } else {
                masked.appendCodePoint(codePoint);
            }
        }
        return masked.toString();
    }

    /**
     * Masks a personal name: in every run of letters or digits the first character stays and the others become
     * {@code *}; separators (space, {@code ·}, {@code -}, {@code '}) stay. {@code 张三 -> 张*}, {@code 欧阳娜娜 -> 欧***},
     * {@code John Smith -> J*** S****}, {@code 阿依古丽·买买提 -> 阿***·买**}. A name of a single character is fully
     * masked.
     */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) == 1) {
            return String.valueOf(STAR);
        }
        StringBuilder masked = new StringBuilder(trimmed.length());
        boolean inWord = false;
        for (int offset = 0; offset < trimmed.length(); ) {
            int codePoint = trimmed.codePointAt(offset);
            offset += Character.charCount(codePoint);
            if (Character.isLetterOrDigit(codePoint)) {
                if (inWord) {
                    masked.append(STAR);
                } else {
                    masked.appendCodePoint(codePoint);
                    inWord = true;
                }
            } else {
                masked.appendCodePoint(codePoint);
                inWord = false;
            }
        }
        return masked.toString();
    }

    /**
     * Masks an e-mail address: the first character of the local part and the whole domain stay,
     * {@code alice@example.com -> a****@example.com}; a one-character local part is fully masked. Text without
     * {@code @} is masked like a name.
     */
    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        String trimmed = email.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0) {
            return keepFirst(trimmed);
        }
        return keepFirst(trimmed.substring(0, at)) + trimmed.substring(at);
    }

    /**
     * Masks a resident ID card number: the first 3 characters (province and part of the prefecture) and the last 4
     * stay, so the county code and the birth date are hidden: {@code 110101199003071234 -> 110***********1234}.
     * Values shorter than 8 characters are fully masked.
     */
    public static String maskIdCard(String idCard) {
        if (idCard == null || idCard.isBlank()) {
            return idCard;
        }
        String trimmed = idCard.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 8) {
            return stars(length);
        }
        int startOfLastFour = trimmed.offsetByCodePoints(0, length - 4);
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, 3))
                + stars(length - 7)
                + trimmed.substring(startOfLastFour);
    }

    /**
     * Masks a postal address.
     *
     * <ul>
     *   <li>Chinese: province, city and district or county stay, the rest becomes {@value #MASK}:
     *       {@code 浙江省杭州市西湖区文三路477号 -> 浙江省杭州市西湖区****}. Without a recognisable level everything is
     *       masked.
     *   <li>Other scripts: the address is read as comma-separated parts from street to country; the last two parts
     *       (typically city and region or postcode) stay, the parts before become one {@value #MASK}:
     *       {@code 1600 Amphitheatre Parkway, Mountain View, CA 94043 -> ****, Mountain View, CA 94043}. With two
     *       parts only the first is masked; with one part everything is.
     * </ul>
     */
    public static String maskAddress(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        String trimmed = address.strip();
        if (trimmed.codePoints().anyMatch(PiiMasking::isHan)) {
            Matcher levels = ADMINISTRATIVE_PREFIX.matcher(trimmed);
            String kept = levels.lookingAt() ? levels.group() : "";
            return kept.length() == trimmed.length() ? trimmed : kept + MASK;
        }
        String[] parts = trimmed.split("\\s*,\\s*");
        if (parts.length < 2) {
            return MASK;
        }
        int firstKept = Math.max(1, parts.length - 2);
        StringBuilder masked = new StringBuilder(MASK);
        for (int i = firstKept; i < parts.length; i++) {
            masked.append(", ").append(parts[i]);
        }
        return masked.toString();
    }

    /**
     * Masks a marketplace buyer nick the way the marketplaces show anonymous buyers: first and last character stay
     * with a fixed {@code **} between, {@code tb123456789 -> t**9}, so the length is not shown either. Two
     * characters keep the first only, one character is fully masked.
     */
    public static String maskBuyerNick(String nick) {
        if (nick == null || nick.isBlank()) {
            return nick;
        }
        String trimmed = nick.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length == 1) {
            return String.valueOf(STAR);
        }
        String first = new String(Character.toChars(trimmed.codePointAt(0)));
        if (length == 2) {
            return first + STAR;
        }
        return first + "**" + new String(Character.toChars(trimmed.codePointBefore(trimmed.length())));
    }

    private static String keepFirst(String value) {
        int length = value.codePointCount(0, value.length());
        if (length == 1) {
            return String.valueOf(STAR);
        }
        return new String(Character.toChars(value.codePointAt(0))) + stars(length - 1);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static String stars(int count) {
        return String.valueOf(STAR).repeat(Math.max(0, count));
    }
}

package com.bpo.kit.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The redactor tries each pattern only where one pass over the text says it could match. These tests hold it to the
 * slow reference that tries every pattern on the whole text, over many generated texts built from the pieces that
 * make the narrowing hard: numbers in every notation, order ids of every length next to them, addresses with and
 * without administrative levels, and words that look like street or unit words.
 */
class PiiRedactorFastPathTest {

    private static final String[] PIECES = {
        // Chat text, Chinese and English, with words that share characters with addresses.
        "您好，请问粽子什么时候发货？",
        "知道了，同事说三号楼下取件",
        "我在公园附近，",
        "Hello, Please Ship It Today.",
        "The 3 items arrived",
        "Room 12 Main",
        "第5单元",
        "68元",
        "3号发货",
        "住在文三路附近",
        // Numbers: mobiles, landlines, ID cards, order ids, dates, prices.
        "13812345678",
        "+86 138 1234 5678",
        "0086-139-8765-4321",
        "86 13912345678",
        "138-1234-5678",
        "021-12345678",
        "(0571) 8888 6666",
        "01065529988",
        "11010519491231002X",
        "110101199003071233",
        "440305198807154323",
        "1234567890123456789",
        "12345678901234567890123",
        "301234567890123456",
        "4012345678901234567 13812345678",
        "2026-11-23 10:15:30",
        "¥1999.00",
        "SF1381234567890",
        "x1381234567x",
        "１３８１２３４５６７８",
        "（021）12345678",
        // Addresses.
        "浙江省杭州市西湖区文三路477号华星大厦3楼",
        "上海市长宁区愚园路1088弄5号301室",
        "阳光花园小区3栋2单元501室",
        "翠苑新村8栋2单元255室",
        "西溪公寓7栋1单元1114室",
        "新疆维吾尔自治区乌鲁木齐市天山区解放北路12号",
        "香港特别行政区九龙城区太子道西190号",
        "北京胡同3号",
        "南京路100号",
        "221B Baker Street",
        "10 Downing St.",
        "1600 Amphitheatre Parkway, Suite 5",
        "alice@example.com",
        "13812345678@163.com",
        // Separators and characters around which the narrowing decides.
        " ",
        "\t",
        "-",
        "(",
        ")",
        "，",
        "。",
        "X",
        "𠀀𠀁",
        "\u3000",
        "abc",
        "7",
        "号",
        "室",
        "区",
        "道"
    };

    private static final String GLUE = "0123456789Xx号栋 -";

    @Test
    void narrowedSearchFindsExactlyWhatTheWholeTextSearchFinds() {
        SplittableRandom random = new SplittableRandom(20261123);
        List<String> differences = new ArrayList<>();
        int redacted = 0;
        for (int i = 0; i < 10_000; i++) {
            String text = text(random);
            Redaction fast = PiiRedactor.redact(text);
            Redaction reference = PiiRedactor.redactEverywhere(text);
            if (!fast.equals(reference)) {
                differences.add(text + " -> " + fast + " but " + reference);
            }
            if (reference.redacted()) {
                redacted++;
            }
        }

        assertThat(differences).isEmpty();
        // The generated texts must exercise both outcomes, or the comparison proves little.
        assertThat(redacted).isBetween(2_500, 9_500);
    }

    @Test
    void addressAfterAsMuchHanTextAsAnAddressCanHoldIsFound() {
        // Three administrative levels and an estate name as long as the pattern allows, none of them with a street or
        // estate character: the estate word ends 49 characters after the address starts.
        String address = "甲乙丙丁戊己庚辛省" + "甲乙丙丁戊己庚辛壬癸自治州" + "子丑寅卯辰巳午未申酉戌亥县" + "一二三四五六七八九十甲乙" + "小区3栋";
        String text = "前面还有很多很多汉字" + address;

        assertThat(PiiRedactor.redact(text)).isEqualTo(PiiRedactor.redactEverywhere(text));
        assertThat(PiiRedactor.redact(text).kinds()).contains(PiiKind.ADDRESS);
    }

    @Test
    void longOrderIdsNeverHideANumberBesideThem() {
        for (int digits = 17; digits <= 25; digits++) {
            String orderId = "4".repeat(digits);
            for (String joint : new String[] {" ", "-", "，", "x", ""}) {
                String text = "订单" + orderId + joint + "13812345678";

                assertThat(PiiRedactor.redact(text)).as(text).isEqualTo(PiiRedactor.redactEverywhere(text));
            }
        }
    }

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(4) == 0) {
                // A random digit or letter glued to the piece changes which digit runs touch.
                text.append(GLUE.charAt(random.nextInt(GLUE.length())));
            }
        }
        return text.toString();
    }
}

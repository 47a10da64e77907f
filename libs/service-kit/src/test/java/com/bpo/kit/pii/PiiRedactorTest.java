package com.bpo.kit.pii;

import static com.bpo.kit.pii.PiiKind.ADDRESS;
import static com.bpo.kit.pii.PiiKind.EMAIL;
import static com.bpo.kit.pii.PiiKind.ID_CARD;
import static com.bpo.kit.pii.PiiKind.LANDLINE_PHONE;
import static com.bpo.kit.pii.PiiKind.MOBILE_PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRedactorTest {

    static Stream<Arguments> textsWithPersonalData() {
        return Stream.of(
                Arguments.of("我的手机是13812345678，谢谢", "我的手机是138****5678，谢谢", Set.of(MOBILE_PHONE)),
                Arguments.of(
                        "call me at +86 138 1234 5678 please",
                        "call me at +86 138****5678 please",
                        Set.of(MOBILE_PHONE)),
                Arguments.of("电话：138-1234-5678", "电话：138****5678", Set.of(MOBILE_PHONE)),
                Arguments.of("手机１３８１２３４５６７８", "手机138****5678", Set.of(MOBILE_PHONE)),
                Arguments.of("tel13812345678", "tel138****5678", Set.of(MOBILE_PHONE)),
                Arguments.of("13812345678 或 13987654321", "138****5678 或 139****4321", Set.of(MOBILE_PHONE)),
                Arguments.of("座机021-12345678转8001", "座机021-****5678转8001", Set.of(LANDLINE_PHONE)),
                Arguments.of("office (0571) 8888 6666", "office 0571-****6666", Set.of(LANDLINE_PHONE)),
                Arguments.of("打01065529988找我", "打010-****9988找我", Set.of(LANDLINE_PHONE)),
                Arguments.of("身份证11010519491231002X核对一下", "身份证110***********002X核对一下", Set.of(ID_CARD)),
                Arguments.of("My ID card is 110101199003071233.", "My ID card is 110***********1233.", Set.of(ID_CARD)),
                Arguments.of(
                        "email alice@example.com or bob.lee@corp.cn",
                        "email a****@example.com or b******@corp.cn",
                        Set.of(EMAIL)),
                Arguments.of("邮箱13812345678@163.com", "邮箱1**********@163.com", Set.of(EMAIL)),
                Arguments.of(
                        "收货地址：浙江省杭州市西湖区文三路477号华星大厦3楼，电话13812345678",
                        "收货地址：浙江省杭州市西湖区****，电话138****5678",
                        Set.of(ADDRESS, MOBILE_PHONE)),
                Arguments.of("寄到上海市长宁区愚园路1088弄5号301室", "寄到上海市长宁区****", Set.of(ADDRESS)),
                Arguments.of("我家在文三路477号", "我家在****", Set.of(ADDRESS)),
                Arguments.of("送到阳光花园小区3栋2单元501室就行", "送到****就行", Set.of(ADDRESS)),
                Arguments.of("地址改为南京路100号", "地址改为****", Set.of(ADDRESS)),
                Arguments.of(
                        "Ship to 221B Baker Street, London please", "Ship to ****, London please", Set.of(ADDRESS)),
                Arguments.of("I live at 10 Downing St. now", "I live at **** now", Set.of(ADDRESS)),
                Arguments.of(
                        "Deliver to 1600 Amphitheatre Parkway, Mountain View",
                        "Deliver to ****, Mountain View",
                        Set.of(ADDRESS)),
                Arguments.of(
                        "张三 13812345678 zhangsan@qq.com 浙江省杭州市西湖区文三路477号",
                        "张三 138****5678 z*******@qq.com 浙江省杭州市西湖区****",
                        Set.of(MOBILE_PHONE, EMAIL, ADDRESS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textsWithPersonalData")
    void personalDataIsMasked(String text, String expected, Set<PiiKind> kinds) {
        Redaction redaction = PiiRedactor.redact(text);

        assertThat(redaction.text()).isEqualTo(expected);
        assertThat(redaction.redacted()).isTrue();
        assertThat(redaction.kinds()).containsExactlyInAnyOrderElementsOf(kinds);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "您好，请问粽子什么时候发货？",
                "天猫订单号1234567890123456789已发货",
                "订单 4012345678901234567 退款中",
                "京东订单号：301234567890123456",
                "拼多多订单231111-123456789012345",
                "物流单号SF1381234567890",
                "Order 1381234567812 shipped",
                "订单02112345678901",
                "下单时间 2026-11-23 10:15:30",
                "实付 ¥1999.00，优惠 20 元",
                "身份证号110101199003071234不对",
                "住在文三路附近",
                "Main Street is closed",
                "The 3 items arrived"
            })
    void textWithoutPersonalDataIsLeftAlone(String text) {
        Redaction redaction = PiiRedactor.redact(text);

        assertThat(redaction.text()).isEqualTo(text);
        assertThat(redaction.redacted()).isFalse();
        assertThat(redaction.kinds()).isEmpty();
    }

    @Test
    void orderNumberNextToAPhoneNumberKeepsAllItsDigits() {
        Redaction redaction = PiiRedactor.redact("订单1234567890123456789，手机13812345678");

        assertThat(redaction.text()).isEqualTo("订单1234567890123456789，手机138****5678");
    }

    @Test
    void idCardCheckCharacterFollowsIso7064() {
        assertThat(PiiRedactor.hasValidCheckCharacter("11010519491231002X")).isTrue();
        assertThat(PiiRedactor.hasValidCheckCharacter("11010519491231002x")).isTrue();
        assertThat(PiiRedactor.hasValidCheckCharacter("440305198807154323")).isTrue();
        assertThat(PiiRedactor.hasValidCheckCharacter("440305198807154321")).isFalse();
    }

    @Test
    void nullAndBlankTextAreUnchanged() {
        assertThat(PiiRedactor.redact(null)).isEqualTo(Redaction.unchanged(null));
        assertThat(PiiRedactor.redact("  ").text()).isEqualTo("  ");
        assertThat(PiiRedactor.redact("  ").redacted()).isFalse();
    }

    @Test
    void longChatMessageIsRedactedQuickly() {
        String message = "亲，您的包裹已经到杭州市西湖区了，明天送达。".repeat(2_000) + "电话13812345678";

        long started = System.nanoTime();
        Redaction redaction = PiiRedactor.redact(message);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(redaction.text()).endsWith("电话138****5678");
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void redactionFlagMustAgreeWithTheKinds() {
        assertThatThrownBy(() -> new Redaction("x", true, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Redaction("x", false, Set.of(EMAIL))).isInstanceOf(IllegalArgumentException.class);
    }
}

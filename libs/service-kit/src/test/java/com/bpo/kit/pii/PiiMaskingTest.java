package com.bpo.kit.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PiiMaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            13812345678       | 138****5678
            19912345678       | 199****5678
            138 1234 5678     | 138****5678
            138-1234-5678     | 138****5678
            +86 138 1234 5678 | +86 138****5678
            +8613812345678    | +86 138****5678
            8613812345678     | +86 138****5678
            0086-13812345678  | +86 138****5678
            021-12345678      | 021-****5678
            0571-8888 6666    | 0571-****6666
            (010) 6552 9988   | 010-****9988
            02112345678       | 021-****5678
            021-1234567       | 021-***4567
            400-820-8820      | ***-***-8820
            +1 415 555 0123   | +* *** *** 0123
            12345             | *****
            110               | ***
            """)
    void phoneKeepsOnlyWhatIdentifiesNoOne(String phone, String masked) {
        assertThat(PiiMasking.maskPhone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            张三              | 张*
            欧阳娜娜          | 欧***
            李小龙            | 李**
            张                | *
            " 李四 "          | 李*
            John Smith        | J*** S****
            Mary-Jane O'Neil  | M***-J*** O'N***
            阿依古丽·买买提   | 阿***·买**
            J                 | *
            """)
    void nameKeepsTheFirstCharacterOfEachPart(String name, String masked) {
        assertThat(PiiMasking.maskName(name)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            alice@example.com     | a****@example.com
            zhang.san@qq.com      | z********@qq.com
            a@example.com         | *@example.com
            13812345678@163.com   | 1**********@163.com
            not-an-email          | n***********
            """)
    void emailKeepsTheFirstCharacterAndTheDomain(String email, String masked) {
        assertThat(PiiMasking.maskEmail(email)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            110101199003071233 | 110***********1233
            11010519491231002X | 110***********002X
            110101900307123    | 110********7123
            1234567            | *******
            """)
    void idCardKeepsTheFirstThreeAndLastFour(String idCard, String masked) {
        assertThat(PiiMasking.maskIdCard(idCard)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            浙江省杭州市西湖区文三路477号华星科技大厦3楼            | 浙江省杭州市西湖区****
            上海市浦东新区张江路88号                               | 上海市浦东新区****
            北京市朝阳区建国路88号SOHO现代城                        | 北京市朝阳区****
            广东省东莞市长安镇振安路368号                           | 广东省东莞市****
            内蒙古自治区呼和浩特市新城区新华大街1号                 | 内蒙古自治区呼和浩特市新城区****
            江苏省苏州市昆山市玉山镇人民路1号                       | 江苏省苏州市昆山市****
            湖北省恩施土家族苗族自治州恩施市舞阳大街8号              | 湖北省恩施土家族苗族自治州恩施市****
            杭州市阳光小区3栋2单元501室                             | 杭州市****
            太原市小店区长风街1号                                  | 太原市小店区****
            文三路477号                                           | ****
            浙江省杭州市                                          | 浙江省杭州市
            1600 Amphitheatre Parkway, Mountain View, CA 94043  | ****, Mountain View, CA 94043
            221B Baker Street, London                           | ****, London
            Flat 3, 12 High St, Cambridge, CB2 1TN              | ****, Cambridge, CB2 1TN
            221B Baker Street                                     | ****
            """)
    void addressKeepsProvinceCityAndDistrictOnly(String address, String masked) {
        assertThat(PiiMasking.maskAddress(address)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            tb123456789   | t**9
            小明爱吃粽子  | 小**子
            ab            | a*
            a             | *
            🐉龙          | 🐉*
            ab🐉          | a**🐉
            """)
    void buyerNickKeepsFirstAndLastCharacter(String nick, String masked) {
        assertThat(PiiMasking.maskBuyerNick(nick)).isEqualTo(masked);
    }

    static Stream<UnaryOperator<String>> everyMask() {
        return Stream.of(
                PiiMasking::maskPhone,
                PiiMasking::maskName,
                PiiMasking::maskEmail,
                PiiMasking::maskIdCard,
                PiiMasking::maskAddress,
                PiiMasking::maskBuyerNick);
    }

    @ParameterizedTest
    @MethodSource("everyMask")
    void nullAndBlankInputsPassThrough(UnaryOperator<String> mask) {
        assertThat(mask.apply(null)).isNull();
        assertThat(mask.apply("")).isEmpty();
        assertThat(mask.apply("  ")).isEqualTo("  ");
    }

    @ParameterizedTest
    @MethodSource("everyMask")
    void singleCharacterIsNeverShown(UnaryOperator<String> mask) {
        assertThat(mask.apply("7")).doesNotContain("7");
        assertThat(mask.apply("张")).doesNotContain("张");
    }
}

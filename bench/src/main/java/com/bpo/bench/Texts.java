package com.bpo.bench;

import com.bpo.contracts.chat.Sender;
import java.util.List;
import java.util.SplittableRandom;

/** What customers, agents and bots write in a zongzi and mooncake shop, in Chinese and in English. */
enum Texts {
    CHINESE(
            List.of(
                    "你好，请问五芳斋的鲜肉粽现在下单端午节前能到吗？",
                    "我上周买的蛋黄肉粽礼盒还没收到，物流一直没有更新，麻烦帮我查一下。",
                    "请问豆沙粽和蜜枣粽哪个更甜一点？家里老人不太能吃太甜的。",
                    "收到的月饼礼盒外包装压坏了，里面有两个月饼碎了，怎么处理？",
                    "想给公司同事订五十盒粽子，有没有团购价？能开发票吗？",
                    "我要改一下收货地址，订单还没发货吧？"),
            List.of(
                    "亲，您好！很高兴为您服务，这边马上帮您查询。",
                    "亲，已经帮您查到了，包裹目前在杭州转运中心，预计明天下午送达。",
                    "非常抱歉给您带来不便，破损的部分我们给您补发，或者按比例退款，您看哪种方式更方便？",
                    "亲，五十盒以上可以享受企业团购价九折，发票可以开增值税普通发票。",
                    "好的亲，地址已经为您修改成功，仓库今天晚上统一发货。",
                    "亲，蜜枣粽甜度适中，老人家吃的话更推荐咸蛋黄肉粽或者白米粽。"),
            List.of("您好，我是智能助手小粽，人工客服马上为您服务，请稍等。"),
            List.of(
                    "另外想问一下，冷链配送的话粽子可以放几天？",
                    "我比较着急，节前要送给长辈的。",
                    "之前在你们家买过好几次，一直挺满意的。",
                    "谢谢，麻烦尽快处理一下。",
                    "如果不行的话我就申请退款了。"),
            List.of("如还有其他问题，随时联系我们哦。", "祝您端午安康，生活愉快！", "稍后会有短信通知您物流进度。", "给您添麻烦了，我们会持续跟进。")),
    ENGLISH(
            List.of(
                    "Hi, will the pork zongzi I order today arrive before the Dragon Boat Festival?",
                    "My mooncake gift box from last week still has not arrived and tracking has not moved.",
                    "Which one is less sweet, the red bean zongzi or the jujube one?",
                    "The gift box arrived crushed and two of the mooncakes are broken. What can you do?",
                    "I would like to order fifty boxes for my office. Is there a group price and an invoice?",
                    "Can I still change the delivery address? The order has not shipped yet."),
            List.of(
                    "Hello, thanks for reaching out! Let me check that for you right away.",
                    "I found your parcel: it is at the Hangzhou hub and should arrive tomorrow afternoon.",
                    "So sorry about that. We can resend the broken items or refund them, whichever you prefer.",
                    "For fifty boxes or more we offer 10% off, and we can issue a regular VAT invoice.",
                    "Done, the address is updated and the warehouse ships tonight.",
                    "The jujube zongzi is fairly sweet; for older family members I would suggest the salted egg one."),
            List.of("Hi, I am Zongzi Bot. A colleague will be with you in a moment."),
            List.of(
                    "Also, how many days do they keep in cold-chain packaging?",
                    "It is a gift for my parents, so I am in a bit of a hurry.",
                    "I have ordered from you several times and was always happy.",
                    "Thanks, please sort it out soon."),
            List.of(
                    "Let us know if there is anything else we can do.",
                    "Happy Dragon Boat Festival!",
                    "You will get a text message with tracking updates.",
                    "Sorry for the trouble, we will keep following up."));

    private static final List<String> CN_STREETS = List.of("文三路", "延安西路", "中山北路", "人民大道", "解放路");
    private static final List<String> CN_ESTATES = List.of("阳光花园", "西溪公寓", "翠苑新村", "绿城家园");
    private static final List<String> EN_STREETS = List.of("Century Avenue", "Nanjing Road", "Huaihai Street");

    private final List<String> customerOpenings;
    private final List<String> agentOpenings;
    private final List<String> botOpenings;
    private final List<String> customerFillers;
    private final List<String> agentFillers;

    Texts(
            List<String> customerOpenings,
            List<String> agentOpenings,
            List<String> botOpenings,
            List<String> customerFillers,
            List<String> agentFillers) {
        this.customerOpenings = customerOpenings;
        this.agentOpenings = agentOpenings;
        this.botOpenings = botOpenings;
        this.customerFillers = customerFillers;
        this.agentFillers = agentFillers;
    }

    List<String> opening(Sender sender) {
        return switch (sender) {
            case CUSTOMER -> customerOpenings;
            case AGENT -> agentOpenings;
            case BOT -> botOpenings;
        };
    }

    List<String> filler(Sender sender) {
        return sender == Sender.CUSTOMER ? customerFillers : agentFillers;
    }

    /** A sentence with a mobile number or a street address, which the service must mask. */
    String withPersonalData(SplittableRandom random) {
        String mobile = mobile(random);
        int house = 1 + random.nextInt(1200);
        if (this == CHINESE) {
            return switch (random.nextInt(3)) {
                case 0 -> "我的手机号是" + mobile + "，快递到了请打电话。";
                case 1 ->
                    "地址改成浙江省杭州市西湖区" + CN_STREETS.get(random.nextInt(CN_STREETS.size())) + house + "号"
                            + (1 + random.nextInt(20)) + "楼。";
                default ->
                    "寄到" + CN_ESTATES.get(random.nextInt(CN_ESTATES.size())) + (1 + random.nextInt(30)) + "栋"
                            + (1 + random.nextInt(4)) + "单元" + (101 + random.nextInt(1500)) + "室，电话" + mobile + "。";
            };
        }
        return random.nextBoolean()
                ? "You can call me on " + mobile + " when the courier arrives."
                : "Please ship it to " + house + " " + EN_STREETS.get(random.nextInt(EN_STREETS.size()))
                        + ", Shanghai instead.";
    }

    /** A sentence with a 19-digit marketplace order id, which the service must leave as it is. */
    String withOrderId(SplittableRandom random) {
        StringBuilder orderId = new StringBuilder().append(2 + random.nextInt(8));
        for (int i = 1; i < 19; i++) {
            orderId.append(random.nextInt(10));
        }
        return this == CHINESE ? "订单号" + orderId + "。" : "Order number " + orderId + ".";
    }

    /** A mainland mobile number in one of the ways people type them. */
    private static String mobile(SplittableRandom random) {
        StringBuilder digits = new StringBuilder("1").append(3 + random.nextInt(7));
        for (int i = 0; i < 9; i++) {
            digits.append(random.nextInt(10));
        }
        String number = digits.toString();
        return switch (random.nextInt(3)) {
            case 0 -> number;
            case 1 -> number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7);
            default -> "+86 " + number.substring(0, 3) + "-" + number.substring(3, 7) + "-" + number.substring(7);
        };
    }
}

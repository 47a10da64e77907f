package com.bpo.contracts.org;

/** The platform a shop sells on. */
public enum Platform {
    TMALL,
    JD,
    PDD,
    DOUYIN,
    WECHAT,
    OWN_SITE
}

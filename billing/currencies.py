"""ISO 4217 currencies and the decimals of their minor units."""

from billing.errors import Invalid

# ISO 4217 list one (active codes), grouped by minor unit exponent. Left out on purpose:
# precious metals, SDR and other units of account, test and "no currency" codes.
_CODES_BY_EXPONENT = {
    0: "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF",
    2: (
        "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN "
        "BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP "
        "ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR "
        "JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU "
        "MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR "
        "RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS "
        "TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG"
    ),
    3: "BHD IQD JOD KWD LYD OMR TND",
    4: "CLF UYW",
}

CURRENCY_EXPONENTS: dict[str, int] = {
    code: exp for exp, codes in _CODES_BY_EXPONENT.items() for code in codes.split()
}


def _quote(text: str) -> str:
    return f"“{text if len(text) <= 40 else text[:40] + '…'}”"


def normalize_currency(code: str) -> str:
    """'usd ' -> 'USD'; Invalid unless it is an active ISO 4217 currency code."""
    cleaned = code.strip().upper() if isinstance(code, str) else ""
    if cleaned not in CURRENCY_EXPONENTS:
        shown = _quote(code if isinstance(code, str) else repr(code))
        raise Invalid(f"{shown} is not a currency code (use ISO 4217, e.g. USD, EUR, JPY).")
    return cleaned


def exponent(currency: str) -> int:
    """Number of decimals of the currency's minor unit (USD 2, JPY 0, KWD 3)."""
    return CURRENCY_EXPONENTS[normalize_currency(currency)]

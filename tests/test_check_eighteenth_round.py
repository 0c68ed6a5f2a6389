"""Rule classes read from the seventeenth round's spent test pairs (县急救指挥中心, 县水产技术推广站, 县人才服务中心 and a
coal-mining county's 政府工作报告), written here with made-up sentences of the same shapes."""

from .test_check_measures_and_coverage import row_of


# -- one of two listed things still to be bought ------------------------------------------------------------

def test_one_of_two_promised_devices_still_to_be_bought_is_partial():
    row = row_of("购置便携式超声仪和移动DR设备各1台", "便携式超声仪已投入使用，移动DR设备尚待采购。", office="人民医院")
    assert row.verdict == "partial"


def test_both_devices_bought_is_delivered():
    row = row_of("购置便携式超声仪和移动DR设备各1台", "购置便携式超声仪和移动DR设备各1台，均已投入使用。", office="人民医院")
    assert row.verdict == "delivered"

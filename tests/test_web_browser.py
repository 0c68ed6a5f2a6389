"""The page in a real browser: headless Debian chromium driven by Selenium.

A person uploads the 2021 report and the later 2022 report, opens the
suggested check, changes one verdict, reloads and finds it kept, and downloads
the check as xlsx.  The server runs in a thread on a free loopback port; the
browser is the system's (/usr/bin/chromium with /usr/bin/chromedriver, which
.ci/run installs): nothing is downloaded.

With SUMMARYLAB_SCREENSHOT=PATH the check page is also saved there (that is
how docs/check_page.png is made).
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
PLAN = CORPORA / "000_85a1b6df8f5117e0.txt"
LATER = CORPORA / "synthetic_上林县妇联2022年工作总结.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    # Never skipped quietly in CI: .ci/run installs chromium and chromium-driver.
    if os.environ.get("CI"):
        raise RuntimeError("the browser test needs Debian's chromium and chromium-driver "
                           "(apt-get install -y chromium chromium-driver)")
    pytest.skip("chromium and chromedriver are not installed (apt-get install -y chromium "
                "chromium-driver)", allow_module_level=True)

import uvicorn  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from summarylab.web import create_app  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    config = uvicorn.Config(create_app(tmp_path / "corpus.duckdb"), host="127.0.0.1",
                            port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser(tmp_path):
    profile = tempfile.mkdtemp(prefix="summarylab-chromium-")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1400,1000", "--lang=zh-CN"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
    })
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait(driver, seconds: float = 60) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def test_a_person_uploads_reviews_a_verdict_and_downloads_the_check(server, browser):
    from openpyxl import load_workbook

    browser.get(server + "/")
    assert "文档" in browser.title
    picker = browser.find_element(By.ID, "file-input")
    picker.send_keys(f"{PLAN}\n{LATER}")
    browser.find_element(By.ID, "upload-button").click()
    results = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".results")))
    assert results.text.count("已入库") == 2, results.text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#documents tbody tr")) == 2

    browser.find_element(By.LINK_TEXT, "计划核对").click()
    browser.find_element(By.CSS_SELECTOR, "a.pair").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "check-table")))
    assert "已有 0 条人工复核" in browser.find_element(By.ID, "review-count").text

    # The first row is the most doubtful one; the reviewer changes its verdict.
    row = browser.find_element(By.ID, "row-1")
    commitment = row.find_element(By.CSS_SELECTOR, "input[name=commitment]").get_attribute("value")
    machine = row.find_element(By.CSS_SELECTOR, "input[name=machine_verdict]").get_attribute("value")
    changed = "not_found" if machine != "not_found" else "partial"
    shown = {"not_found": "未见成效", "partial": "部分完成"}[changed]
    name = browser.find_element(By.ID, "reviewer-name")
    name.clear()
    name.send_keys("李干事")
    Select(row.find_element(By.CSS_SELECTOR, "select[name=verdict]")).select_by_value(changed)
    row.find_element(By.CSS_SELECTOR, "input[name=remark]").send_keys("总结中没有这项工作的记录")
    row.find_element(By.CSS_SELECTOR, "button.save-review").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".verdict.human")))

    browser.refresh()
    wait(browser).until(EC.presence_of_element_located((By.ID, "check-table")))
    kept = [r for r in browser.find_elements(By.CSS_SELECTOR, "#check-table tbody tr")
            if r.find_element(By.CSS_SELECTOR, "input[name=commitment]")
            .get_attribute("value") == commitment]
    assert len(kept) == 1
    review = kept[0].find_element(By.CSS_SELECTOR, "td.review").text
    assert f"人工：{shown}" in review and "李干事" in review and "总结中没有这项工作的记录" in review
    assert "已有 1 条人工复核" in browser.find_element(By.ID, "review-count").text
    assert len(browser.find_elements(By.CSS_SELECTOR, ".verdict.human")) == 1
    assert "nan" not in browser.find_element(By.ID, "check-table").text
    assert browser.find_element(By.ID, "reviewer-name").get_attribute("value") == "李干事"

    if os.environ.get("SUMMARYLAB_SCREENSHOT"):
        browser.set_window_size(1400, 1500)
        browser.execute_script("window.scrollTo(0, 0)")
        browser.save_screenshot(os.environ["SUMMARYLAB_SCREENSHOT"])
        browser.set_window_size(1400, 1000)

    browser.find_element(By.CSS_SELECTOR, ".toolbar a.dl-xlsx").click()
    deadline = time.monotonic() + 60
    while True:
        done = [p for p in browser.downloads.iterdir() if p.suffix == ".xlsx"]
        if done:
            break
        assert time.monotonic() < deadline, f"no xlsx downloaded: {list(browser.downloads.iterdir())}"
        time.sleep(0.2)
    time.sleep(0.3)
    wb = load_workbook(done[0])
    ws = wb["计划核对"]
    head = [c.value for c in ws[1]]
    rows = [dict(zip(head, [c.value for c in r])) for r in ws.iter_rows(min_row=2)]
    assert len(rows) == len(browser.find_elements(By.CSS_SELECTOR, "#check-table tbody tr"))
    [reviewed] = [r for r in rows if r["人工复核结论"]]
    assert (reviewed["承诺事项"], reviewed["人工复核结论"], reviewed["复核人"]) == (
        commitment, shown, "李干事")


def test_a_dropped_file_goes_in_and_its_facts_sort_and_filter(server, browser):
    browser.get(server + "/")
    text = LATER.read_text(encoding="utf-8")
    # What the browser does when a file is dragged from the desktop onto the zone.
    browser.execute_script("""
        const dt = new DataTransfer();
        dt.items.add(new File([arguments[0]], "拖进来的总结.txt", {type: "text/plain"}));
        const zone = document.getElementById("dropzone");
        zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
    """, text)
    results = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".results")))
    assert "拖进来的总结.txt：已入库" in results.text.replace(" ", "")

    results.find_element(By.LINK_TEXT, "查看").click()
    table = wait(browser).until(EC.presence_of_element_located((By.ID, "facts")))
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    roles = {r.find_elements(By.TAG_NAME, "td")[8].text for r in rows}
    assert len(rows) > 5 and "实际" in roles

    Select(browser.find_element(By.CSS_SELECTOR, "select[data-filter-column='8']")
           ).select_by_value("实际")
    shown = [r for r in rows if r.is_displayed()]
    assert 0 < len(shown) <= len(rows)
    assert {r.find_elements(By.TAG_NAME, "td")[8].text for r in shown} == {"实际"}

    # Sort by the value column: the shown rows come in ascending order of their value.
    table.find_elements(By.CSS_SELECTOR, "thead th")[5].click()
    values = [r.find_elements(By.TAG_NAME, "td")[5].get_attribute("data-value")
              for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]
    numbers = [float(v) for v in values if v not in ("", "nan", "None")]
    assert numbers == sorted(numbers) and len(numbers) > 3

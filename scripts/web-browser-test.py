#!/usr/bin/env python3
"""Real-browser test of `hegui serve`: headless Chromium driven by Selenium.

A representative on a 390x844 phone starts a patrol and records an issue with a photo; the
department starts and submits the fix with an after-photo; the verifier strikes it off; the issue is
on the 公示 board; at a desktop viewport the officer sees the dashboard and prints the review pack.
Each step is checked and screenshotted into OUT_DIR.

usage: web-browser-test.py BASE_URL OUT_DIR PASSWORD
"""
import base64
import os
import struct
import sys
import tempfile
import zlib

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, OUT, PASSWORD = sys.argv[1:4]
os.makedirs(OUT, exist_ok=True)


def make_photo(path, width=320, height=240):
    """A real PNG (a floor-coloured gradient with a red band): what a phone camera would upload."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            band = height // 2 - 20 < y < height // 2 + 20
            row += bytes((200, 40, 40)) if band else bytes((90 + x * 100 // width, 110, 130 + y * 80 // height))
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows)))
                + chunk(b"IEND", b""))


PHOTO = os.path.join(tempfile.mkdtemp(), "现场照片.png")
make_photo(PHOTO)


def browser(width, height):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--lang=zh-CN", f"--window-size={width},{height}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(width, height)
    driver.implicitly_wait(5)
    return driver


def shot(driver, name):
    path = os.path.join(OUT, name + ".png")
    driver.save_screenshot(path)
    print("screenshot", path)


def expect(condition, what):
    if not condition:
        raise AssertionError(what)


def wait_for(driver, *texts, what):
    """Waits (up to 60 s, the machine may be busy) until the page shows every text."""
    try:
        WebDriverWait(driver, 60).until(lambda d: all(t in d.page_source for t in texts))
    except Exception:
        raise AssertionError(what + " (page: " + driver.current_url + ")")


def sign_in(driver, name):
    driver.delete_all_cookies()
    driver.get(BASE + "/login")
    driver.find_element(By.NAME, "username").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_for(driver, "<b>" + name + "</b>", what="signed in as " + name)


def submit(driver, form):
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def action_form(driver, action):
    return driver.find_element(By.CSS_SELECTOR, f"form[action$='/{action}']")


phone = browser(390, 844)
try:
    # The representative on the floor.
    sign_in(phone, "王代表")
    shot(phone, "01-phone-dashboard")
    phone.get(BASE + "/patrols")
    form = phone.find_element(By.CSS_SELECTOR, "form[action='/patrols']")
    form.find_element(By.NAME, "team").send_keys("第一巡视组")
    form.find_element(By.NAME, "scope").send_keys("卷包车间")
    form.find_element(By.NAME, "leader").send_keys("王代表")
    shot(phone, "02-phone-start-patrol")
    submit(phone, form)
    wait_for(phone, "form method=\"post\" action=\"/patrols/", what="patrol page opened")
    form = phone.find_element(By.CSS_SELECTOR, "form[action$='/issues']")
    form.find_element(By.NAME, "location").send_keys("卷包车间二楼")
    form.find_element(By.NAME, "description").send_keys("消防通道堆放物料")
    Select(form.find_element(By.NAME, "grade")).select_by_value("一般")
    form.find_element(By.NAME, "department").send_keys("安全部")
    photo = form.find_element(By.NAME, "photo")
    expect(photo.get_attribute("accept") == "image/*" and photo.get_attribute("capture") is not None, "camera input")
    photo.send_keys(PHOTO)
    shot(phone, "03-phone-record-issue")
    submit(phone, form)
    wait_for(phone, "消防通道堆放物料", what="issue listed on the patrol")
    shot(phone, "04-phone-issue-recorded")
    phone.find_element(By.PARTIAL_LINK_TEXT, "消防通道堆放物料").click()
    item_url = phone.current_url
    expect(len(phone.find_elements(By.CSS_SELECTOR, ".photos img")) == 1, "photo shown on the item")
    shot(phone, "05-phone-item-with-photo")

    # The responsible department fixes it.
    sign_in(phone, "李明")
    phone.get(item_url)
    submit(phone, action_form(phone, "start"))
    wait_for(phone, "整改中", what="started")
    form = action_form(phone, "submit")
    form.find_element(By.NAME, "photo").send_keys(PHOTO)
    form.find_element(By.NAME, "note").send_keys("已清理通道，物料移至仓库")
    shot(phone, "06-phone-department-submit")
    submit(phone, form)
    wait_for(phone, "已整改待审核", what="submitted")
    shot(phone, "07-phone-submitted")

    # The verifier strikes it off.
    sign_in(phone, "张复查")
    phone.get(item_url)
    expect(len(phone.find_elements(By.CSS_SELECTOR, "form[action$='/start']")) == 0, "verifier cannot start")
    form = action_form(phone, "verify")
    form.find_element(By.NAME, "note").send_keys("现场复查合格")
    submit(phone, form)
    wait_for(phone, "审核通过（已销号）", what="verified")
    shot(phone, "08-phone-verified")

    phone.get(BASE + "/public")
    wait_for(phone, "消防通道堆放物料", "审核通过（已销号）", what="on the notice board")
    shot(phone, "09-phone-public-board")
finally:
    phone.quit()

desktop = browser(1366, 900)
try:
    sign_in(desktop, "张主任")
    wait_for(desktop, "合格线", what="dashboard shows the pass line")
    shot(desktop, "10-desktop-dashboard")
    desktop.get(BASE + "/items")
    shot(desktop, "11-desktop-board")
    desktop.get(BASE + "/report")
    expect(len(desktop.find_elements(By.CSS_SELECTOR, "button.print")) == 1, "print button")
    shot(desktop, "12-desktop-report")
    desktop.get(BASE + "/report/document")
    wait_for(desktop, "工会工作合规检查报告", what="review pack document")
    # Printing: the WebDriver print command renders the page as the print dialog would, to PDF.
    pdf = base64.b64decode(desktop.print_page())
    expect(pdf.startswith(b"%PDF") and len(pdf) > 10000, "printed review pack")
    shot(desktop, "13-desktop-review-pack")
    desktop.get(BASE + "/audit")
    wait_for(desktop, "审计链完整", what="audit chain intact")
    shot(desktop, "14-desktop-audit")
finally:
    desktop.quit()

# The narrowest phones in use are 360 px wide: every page fits without scrolling sideways.
narrow = browser(360, 740)
try:
    for name in ("张主任", "王代表"):
        sign_in(narrow, name)
        for page in ("/", "/items", item_url, "/patrols", "/public", "/report", "/audit", "/admin", "/account/password"):
            narrow.get(page if page.startswith("http") else BASE + page)
            width = narrow.execute_script("return document.documentElement.scrollWidth")
            if width > 360:
                widest = narrow.execute_script(
                    "let w=null;for(const e of document.querySelectorAll('body *')){const r=e.getBoundingClientRect();"
                    "if(r.right>360&&(!w||r.right>w[1]))w=[e.tagName+'.'+e.className+': '+e.textContent.slice(0,60),r.right]}"
                    "return w")
                expect(False, f"{page} as {name} is {width} px wide at a 360 px viewport (widest: {widest})")
    narrow.get(item_url)
    shot(narrow, "15-phone-360-item")
finally:
    narrow.quit()
print("browser test passed")

import { expect, test } from "./fixtures";
import { accounts, baseURL, expectAccessible, expectOnlyTranslatedText, mailsTo } from "./support";

const contact = "chuncheon.hr@example.kr";

test("an organisation signs up, the operator approves it, and its invited admin signs in and sets it up", async ({
  page,
  pageAs,
  visitorPage,
}) => {
  // 1. The organisation applies on the public page.
  await page.goto(`${baseURL()}/sign-in`);
  await page.getByRole("link", { name: "기관 가입 신청" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("기관 가입 신청");
  await expectAccessible(page);
  await expectOnlyTranslatedText(page);
  await page.getByLabel("기관명").fill("춘천시");
  await page.getByLabel("기관 유형").selectOption("basic_government");
  await page.getByLabel("지역").selectOption("강원특별자치도");
  await page.getByLabel("사업자등록번호 (선택)").fill("220-81-62518");
  await page.getByLabel("담당자 이름").fill("김담당");
  await page.getByLabel("담당자 이메일").fill(contact);
  await page.getByRole("button", { name: "가입 신청" }).click();
  await expect(page.getByText("올바른 사업자등록번호가 아닙니다")).toBeVisible();
  await page.getByLabel("사업자등록번호 (선택)").fill("220-81-62517");
  await page.getByRole("button", { name: "가입 신청" }).click();
  await expect(page.getByRole("status")).toContainText(contact);

  // 2. The operator approves it under the address /chuncheon.
  const operator = await pageAs(accounts.operator);
  await operator.goto(`${baseURL()}/platform`);
  await operator.getByRole("link", { name: "가입 신청" }).click();
  const application = operator.getByRole("region", { name: "춘천시" });
  await expect(application).toContainText(contact);
  await expectAccessible(operator);
  await application.getByLabel("기관 주소").fill("chuncheon");
  await application.getByRole("button", { name: "승인하고 관리자 초대" }).click();
  await expect(operator.getByRole("status")).toContainText("춘천시를 승인했습니다");
  await operator.getByRole("link", { name: "기관 목록" }).click();
  await expect(operator.getByRole("row", { name: /춘천시/ })).toContainText("체험");

  // 3. The invited admin follows the mail's link, sets a password and lands on the new tenant's home.
  await expect.poll(() => mailsTo(contact).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const link = mailsTo(contact)
    .at(-1)
    ?.text.match(/https?:\/\/\S+\/join\/chuncheon\/[\w-]+/)?.[0];
  expect(link).toBeDefined();
  const admin = await visitorPage();
  await admin.goto(link as string);
  await admin.getByLabel("이름").fill("김담당");
  await admin.getByLabel("비밀번호", { exact: true }).fill("chuncheon-admin-password");
  await admin.getByRole("button", { name: "가입하고 참여하기" }).click();
  await expect(admin).toHaveURL(`${baseURL()}/chuncheon`);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("춘천시 홈");
  await expect(admin.getByRole("listitem").filter({ hasText: "기관 관리자" })).toBeVisible();

  // 4. Settings: a colour white text cannot be read on is refused; a dark one is kept; a signer added.
  await admin.getByRole("link", { name: "기관 설정" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("기관 설정");
  await expectAccessible(admin);
  await admin.getByLabel("영문 기관명 (선택)").fill("Chuncheon City");
  await admin.getByLabel("대표 색상").fill("#ffd400");
  await admin.getByRole("button", { name: "설정 저장" }).click();
  await expect(
    admin.getByText("이 색상에서는 흰 글자가 잘 보이지 않습니다 (명암비 4.5:1 이상 필요)"),
  ).toBeVisible();
  await admin.getByLabel("대표 색상").fill("#1b5e20");
  await admin.getByRole("button", { name: "설정 저장" }).click();
  await expect(admin.getByRole("status")).toHaveText("설정을 저장했습니다");
  await admin.getByLabel("직위").fill("부시장");
  await admin.getByLabel("서명자 이름").fill("이부시장");
  await admin.getByRole("button", { name: "서명자 추가" }).click();
  await expect(admin.getByText("부시장 이부시장")).toBeVisible();
  await expectOnlyTranslatedText(admin, [
    "춘천시",
    "김담당",
    "Chuncheon City",
    "#1b5e20",
    "부시장",
    "이부시장",
    "Asia/Seoul",
    "UTC",
  ]);

  // 5. Every change is in the audit log, with who did it; the operator cannot read it.
  await admin.getByRole("link", { name: "감사 기록" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("감사 기록");
  const rows = admin.locator("tbody tr");
  await expect(rows.filter({ hasText: "기관 설정 변경" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "결연증서 서명자 추가" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "기관 생성" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "초대 수락" })).toContainText("김담당");
  await expectAccessible(admin);
  await admin.getByLabel("작업", { exact: true }).selectOption({ label: "기관 설정 변경" });
  await admin.getByRole("button", { name: "검색" }).click();
  await expect(admin.locator("tbody tr")).toHaveCount(1);

  const operatorView = await operator.goto(`${baseURL()}/chuncheon/admin/audit`);
  expect(operatorView?.status()).toBe(404);

  // 6. The new admin loads the staff directory: a file with three bad rows is refused row by row and
  // writes nothing; the fixed file, with its departments created, is applied and counted.
  const csv = (rows: string[]) =>
    Buffer.from(`\uFEFF사번,성명,부서,직급,직위,임용일,이메일\r\n${rows.join("\r\n")}\r\n`, "utf8");
  const good = [
    "C-001,김춘천,총무과,9급,주무관,2025-03-04,c001@chuncheon.example.kr",
    "C-002,이소양,총무과,8급,주무관,2021-07-01,c002@chuncheon.example.kr",
    "C-003,박호반,관광과,6급,팀장,2012-03-02,c003@chuncheon.example.kr",
  ];
  const upload = async (name: string, rows: string[]) => {
    await admin.goto(`${baseURL()}/chuncheon/admin/directory`);
    await admin.getByLabel("명부 파일").setInputFiles({ name, mimeType: "text/csv", buffer: csv(rows) });
    await admin.getByRole("button", { name: "올리고 검사하기" }).click();
    await admin.waitForURL(/\/chuncheon\/admin\/directory\/[0-9a-f-]{36}$/);
  };
  await upload("춘천-명부-오류.csv", [
    ...good,
    "C-004,,총무과,9급,주무관,2025-03-04,",
    "C-005,최의암,총무과,열급,주무관,2025-03-04,",
    "C-001,김중복,총무과,9급,주무관,2025-03-04,",
  ]);
  await expect(admin.getByTestId("import-status")).toHaveText("오류 있음", { timeout: 20_000 });
  const invalid = admin.getByTestId("invalid-rows").locator("tbody tr");
  await expect(invalid.filter({ hasText: /^5/ })).toContainText("성명");
  await expect(invalid.filter({ hasText: /^6/ })).toContainText("열급");
  await expect(invalid.filter({ hasText: /^7/ })).toContainText("C-001");
  await expectAccessible(admin);
  await admin.goto(`${baseURL()}/chuncheon/admin/directory`);
  await expect(admin.getByTestId("active-staff")).toContainText("0");

  await upload("춘천-명부.csv", [
    ...good,
    "C-004,정공지,총무과,9급,주무관,2025-03-04,",
    "C-005,최의암,관광과,7급,주무관,2018-03-05,",
  ]);
  await expect(admin.getByTestId("import-status")).toHaveText("반영 대기", { timeout: 20_000 });
  await admin.getByLabel("없는 부서를 새로 만들고 반영합니다").check();
  await admin.getByRole("button", { name: "명부에 반영하기" }).click();
  await expect(admin.getByTestId("import-status")).toHaveText("반영 완료", { timeout: 30_000 });
  await expect(admin.getByRole("status").filter({ hasText: "명부에 반영했습니다" })).toContainText("5명");
  await admin.goto(`${baseURL()}/chuncheon`);
  const staffCard = admin
    .locator(".card")
    .filter({ has: admin.locator(".card__label", { hasText: /^직원$/ }) });
  await expect(staffCard).toContainText("5명");
});

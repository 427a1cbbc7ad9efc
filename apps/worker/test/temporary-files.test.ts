import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { readDirectoryFile } from "@mentoring/directory";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keepTemporaryFilesInStorage } from "../src/storage-sweep";
import { log } from "./support";

const osTemporaryFolder = tmpdir();
const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
let storageDir: string;

beforeEach(async () => {
  storageDir = await mkdtemp(path.join(osTemporaryFolder, "worker-storage-"));
});
afterEach(async () => {
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  await rm(storageDir, { recursive: true, force: true });
});

/** A directory upload as exceljs writes it: its worksheet comes before the shared strings in the zip. */
async function directoryWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("직원명부");
  sheet.addRow(["사번", "성명", "부서", "직급", "직위", "임용일", "이메일", "휴대전화", "출생연도"]);
  for (let row = 1; row <= 50; row++)
    sheet.addRow([
      `E${row}`,
      `직원${row}`,
      "인사과",
      "주무관",
      "",
      new Date("2020-03-02"),
      `staff${row}@yongin.go.kr`,
      "",
      1990,
    ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const spilled = async (folder: string) =>
  (await readdir(folder).catch(() => [] as string[])).filter((name) => name.startsWith("tmp-"));

describe("the worker's temporary files", () => {
  it("go under STORAGE_DIR, not the OS temporary folder, while an uploaded XLSX import is read", async () => {
    const folder = await keepTemporaryFilesInStorage(storageDir, new Date(), log);
    expect(folder).toBe(path.join(storageDir, ".tmp"));
    const before = await spilled(osTemporaryFolder);

    const file = await readDirectoryFile(await directoryWorkbook(), "직원명부.xlsx");
    // Mid-read (the header is read, the rows are not): the worksheet waits in a temporary file.
    const duringInStorage = await spilled(folder);
    const duringInOsFolder = (await spilled(osTemporaryFolder)).filter((name) => !before.includes(name));
    let rows = 0;
    for await (const _record of file.records) rows++;

    expect(file.errors).toEqual([]);
    expect(rows).toBe(50);
    expect(duringInStorage).toHaveLength(1);
    expect(duringInOsFolder).toEqual([]);
  });
});

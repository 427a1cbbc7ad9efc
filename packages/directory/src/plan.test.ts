import { calendarDate } from "@mentoring/domain";
import { describe, expect, it } from "vitest";
import { type CurrentStaff, planRow } from "./plan";
import type { DirectoryEntry } from "./validate-row";

const current: CurrentStaff = {
  id: "s1",
  employeeNumber: "Y1",
  name: "김민준",
  departmentId: "d1",
  grade: 8,
  positionTitle: "주무관",
  hireDate: "2020-03-02",
  birthYear: 1991,
  email: "minjun@yongin.example.kr",
  phone: null,
  active: true,
};
const entry: DirectoryEntry = {
  employeeNumber: "Y1",
  name: "김민준",
  department: "인사과",
  grade: 8,
  positionTitle: "주무관",
  hireDate: calendarDate("2020-03-02"),
};

describe("planRow", () => {
  it("calls someone the directory does not have new", () => {
    expect(planRow(entry, "d1", undefined)).toEqual({ action: "new" });
  });

  it("keeps fields the file has no column for, so the same person is unchanged", () => {
    expect(planRow(entry, "d1", current)).toEqual({ action: "unchanged", staffId: "s1" });
  });

  it("names every changed field, a department still to be created and a return from deactivation", () => {
    expect(
      planRow({ ...entry, grade: 7, email: null, phone: null }, null, { ...current, active: false }),
    ).toEqual({ action: "changed", staffId: "s1", fields: ["department", "grade", "email", "active"] });
  });

  it("names a new, changed or cleared supervisor, and keeps the supervisor when the file has no column", () => {
    const reporting = { ...current, supervisorEmployeeNumber: "Y9" };
    expect(planRow({ ...entry, supervisorEmployeeNumber: "Y9" }, "d1", reporting).action).toBe("unchanged");
    expect(planRow(entry, "d1", reporting).action).toBe("unchanged");
    for (const supervisorEmployeeNumber of ["Y8", null]) {
      expect(planRow({ ...entry, supervisorEmployeeNumber }, "d1", reporting)).toEqual({
        action: "changed",
        staffId: "s1",
        fields: ["supervisorEmployeeNumber"],
      });
    }
    expect(planRow({ ...entry, supervisorEmployeeNumber: "Y9" }, "d1", current).action).toBe("changed");
  });
});

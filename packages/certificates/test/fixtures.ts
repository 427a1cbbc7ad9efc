// The two real programs from product.md as certificate fixtures: Yongin's standard mentoring (14 mentors,
// 24 mentees: a mentor has one or two) and Gangneung's reverse mentoring (30 juniors and 10 managers in
// 10 teams of 3 + 1). Serials come from fixed bytes so that every run prints the same pages.
import { PNG } from "pngjs";
import type { CertificateContentInput } from "../src/certificate-content";
import type { CertificateDesignInput } from "../src/certificate-design";
import { newSerial, type Serial } from "../src/serial";

export const BASE_URL = "https://mentoring.example.kr";

export const yongin = { id: "0b6f6a8e-5d1c-4c3e-9a51-3f2a1c000001", name: "용인특례시" } as const;
export const gangneung = { id: "0b6f6a8e-5d1c-4c3e-9a51-3f2a1c000002", name: "강릉시" } as const;

/** A serial from a fixed seed: the same on every run. */
export function fixedSerial(seed: number): Serial {
  return newSerial(
    Uint8Array.from({ length: 27 }, (_, i) => (seed * 131 + i * 29 + ((seed * i) % 7)) & 0xff),
  );
}

const FAMILY = [
  "김",
  "이",
  "박",
  "최",
  "정",
  "강",
  "조",
  "윤",
  "장",
  "임",
  "한",
  "오",
  "서",
  "신",
  "권",
  "황",
];
const GIVEN = [
  "민준",
  "서연",
  "도윤",
  "지우",
  "하준",
  "서윤",
  "시우",
  "하은",
  "지호",
  "수아",
  "예준",
  "지민",
];
export const koreanName = (i: number) =>
  `${FAMILY[i % FAMILY.length]}${GIVEN[(i * 7 + Math.floor(i / FAMILY.length)) % GIVEN.length]}`;

/** Yongin: 14 mentors, 24 mentees; the first ten mentors have two mentees, the last four one. */
export function yonginPairs(): CertificateContentInput[] {
  let mentee = 0;
  return Array.from({ length: 14 }, (_, m) => {
    const count = m < 10 ? 2 : 1;
    const mentees = Array.from({ length: count }, () => koreanName(100 + mentee++));
    return {
      serial: fixedSerial(m + 1),
      tenant: yongin,
      program: "신규공무원 멘토링",
      cohort: "2025년 1기",
      mentors: [koreanName(m)],
      mentees,
      date: "2025-04-15",
      signer: { name: "홍길동", title: "제1부시장" },
      issuedAt: "2025-04-15T01:00:00.000Z",
    };
  });
}

/** Gangneung: 10 teams, each of 3 junior mentors and 1 manager mentee. */
export function gangneungTeams(): CertificateContentInput[] {
  return Array.from({ length: 10 }, (_, t) => ({
    serial: fixedSerial(100 + t),
    tenant: gangneung,
    program: "리버스 멘토링",
    cohort: "제2기",
    mentors: [0, 1, 2].map((j) => koreanName(200 + t * 3 + j)),
    mentees: [`${koreanName(300 + t)}`],
    date: "2025-02-21",
    signer: { name: "김영수", title: "부시장" },
    issuedAt: "2025-02-21T05:30:00.000Z",
  }));
}

/** The first Yongin pair: one mentor, two mentees. */
export const yonginPair = (): CertificateContentInput => yonginPairs()[0] as CertificateContentInput;

function png(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number, number],
) {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = paint(x, y);
      const at = (y * width + x) * 4;
      image.data[at] = r;
      image.data[at + 1] = g;
      image.data[at + 2] = b;
      image.data[at + 3] = a;
    }
  return PNG.sync.write(image);
}

/**
 * A red square seal on a transparent background, as an official stamp (직인) is scanned: a thick
 * frame and a grid of strokes standing for its characters.
 */
export function sealPng(red: [number, number, number] = [196, 30, 36]): Buffer {
  const size = 240;
  return png(size, size, (x, y) => {
    const edge = Math.min(x, y, size - 1 - x, size - 1 - y);
    const frame = edge >= 8 && edge < 26;
    const inner = edge >= 40;
    const strokes =
      inner &&
      ((Math.abs(x - size / 2) < 7 && y > 50 && y < 190) ||
        (Math.abs(y - 90) < 6 && x > 55 && x < 185) ||
        (Math.abs(y - 150) < 6 && x > 55 && x < 185) ||
        ((x - 70) % 100 < 12 && y > 55 && y < 185));
    return frame || strokes ? [...red, 235] : [255, 255, 255, 0];
  });
}

/** A city emblem: an opaque navy disc with a white band, as a logo file often is. */
export function logoPng(): Buffer {
  const [width, height] = [360, 120];
  return png(width, height, (x, y) => {
    const inDisc = (x - 60) ** 2 + (y - 60) ** 2 < 50 ** 2;
    const band = inDisc && Math.abs(y - 60 - (x - 60) * 0.4) < 8;
    if (band) return [255, 255, 255, 255];
    if (inDisc) return [31, 58, 95, 255];
    if (x > 130 && x < 340 && Math.abs(y - 60) < 14) return [31, 58, 95, 255];
    return [255, 255, 255, 255];
  });
}

export const yonginDesign = (): CertificateDesignInput => ({
  title: "결연증서",
  body: "위 사람들은 {tenant} {program}({cohort})에 멘토와 멘티로 참여하여 서로 배우고 함께 성장하기로 약속하였기에 이 증서를 드립니다.",
  logo: logoPng(),
  seal: sealPng(),
  signer: { name: "홍길동", title: "제1부시장" },
});

export const gangneungDesign = (): CertificateDesignInput => ({
  mentorLabel: "주니어 멘토",
  menteeLabel: "멘티",
  signer: { name: "김영수", title: "부시장" },
});

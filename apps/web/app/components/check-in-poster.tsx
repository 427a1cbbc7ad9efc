import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CheckInPosterData } from "../services/check-in-poster.server";

/**
 * The check-in poster a coordinator puts on the room's screen: a QR code participants scan with their
 * phones, the same link to send whoever cannot scan it, and a fresh code once this one runs out (the page
 * loaded again, with `children` as the query that keeps what it shows).
 */
export function CheckInPoster({
  poster,
  headingId,
  title,
  intro,
  alt,
  link,
  children,
}: {
  poster: CheckInPosterData;
  headingId: string;
  title: string;
  /** What the code is for and until when it works. */
  intro: string;
  /** The QR image's text alternative: what it checks people in to. */
  alt: string;
  /** The link's name. */
  link: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{title}</h2>
      <p>{intro}</p>
      <img src={poster.image} alt={alt} className="check-in-qr" />
      <p>
        {t("attendance.poster.linkIntro")} <a href={poster.url}>{link}</a>
      </p>
      <Form method="get">
        {children}
        <button type="submit">{t("attendance.poster.refresh")}</button>
      </Form>
    </section>
  );
}

import type { koFiles } from "./ko-files";
import type { Translation } from "./translation";

/** English messages of files attached to teams' work and activities. */
export const enFiles: Translation<typeof koFiles> = {
  picker: {
    label: "Attach files",
    hint: "Photos up to 20 MB, videos up to 2 GB, documents (PDF, Hangul, Office) up to 50 MB. A large video carries on where it stopped if the connection drops.",
    photosLabel: "Photos",
    photosHint: "Up to 20 MB a photo; the coordinating department sees the photos too.",
    noScript: "Turn on JavaScript in your browser to upload files.",
    progress: "Uploading {{name}}",
    done: "{{name}} uploaded",
    remove: "Remove {{name}}",
    failed: "{{name}}: {{reason}}",
    unknownFailure: "The file could not be uploaded. Please try again in a moment.",
  },
  list: {
    photo: "Photo {{name}}",
    download: "Download {{name}} ({{size}})",
    remove: "Remove the attachment {{name}}",
    keep: "Attached files",
  },
  gallery: {
    title: "{{cohort}}: activity photos",
    intro:
      "Photos the teams uploaded with their activities. What they did and their notes stay with the team.",
    team: "Team {{number}}",
    empty: "No photos yet.",
    link: "See the teams' activity photos",
    photoOf: "Team {{number}}, activity of {{date}}",
  },
  error: {
    kindInvalid: "Upload a photo, a video or a document.",
    nameInvalid: "The file's name has a character that cannot be used. Rename the file and upload it again.",
    tooLarge: "The file is too large. Files of this kind take up to {{limit}}.",
    empty: "An empty file cannot be uploaded.",
    typeRefused:
      "The file's content is not a photo, a video or a document, so it was not uploaded. Programs and renamed files cannot be uploaded.",
    notFound: "The file was not found. Please upload it again.",
    tooMany: "Up to {{max}} files can be attached.",
    notAPhoto: "Only photos can be attached to an activity.",
  },
};

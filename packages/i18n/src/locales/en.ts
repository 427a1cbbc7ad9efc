import type { CommonMessages } from "./ko";

export const en: CommonMessages = {
  eligibility: {
    failure: {
      grade: {
        missing: "Only staff in a graded post (grades 1–9) may apply (currently non-graded)",
        below_min:
          "Grade {{actual}} is more senior than this role allows (grade {{min}} or more junior only)",
        above_max:
          "Grade {{actual}} is more junior than this role allows (grade {{max}} or more senior only)",
      },
      years_of_service: {
        not_yet_hired: "Not yet appointed, so cannot apply (appointment date {{hireDate}})",
        below_min: "At least {{min}} full years of service are required (currently {{actual}})",
        above_max: "At most {{max}} full years of service are allowed (currently {{actual}})",
      },
      hire_date: {
        before: "The appointment date must be on or after {{from}} (currently {{actual}})",
        after: "The appointment date must be on or before {{to}} (currently {{actual}})",
      },
      birth_year: {
        missing: "Eligibility cannot be checked because no birth year is on record",
        below_min: "Only staff born in {{min}} or later may apply (born {{actual}})",
        above_max: "Only staff born in {{max}} or earlier may apply (born {{actual}})",
      },
      department: {
        not_included: "This department is not among those the role is open to",
        excluded: "Staff of this department cannot apply",
      },
      position_title: {
        not_included: "The position {{actual}} is not eligible (open to: {{include}})",
        excluded: "The position {{actual}} cannot apply",
      },
    },
  },
  grade: {
    "1": "Grade 1",
    "2": "Grade 2",
    "3": "Grade 3",
    "4": "Grade 4",
    "5": "Grade 5",
    "6": "Grade 6",
    "7": "Grade 7",
    "8": "Grade 8",
    "9": "Grade 9",
    none: "Non-graded",
  },
  config: {
    error: {
      invalid: "Environment variable {{name}} is invalid: {{reason}}",
    },
  },
};

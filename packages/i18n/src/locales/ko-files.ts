/** Korean messages of files attached to teams' work and activities (the "common" namespace, under "files"). */
export const koFiles = {
  picker: {
    label: "파일 첨부",
    hint: "사진 20MB, 동영상 2GB, 문서(PDF, 한글, 오피스) 50MB까지 올릴 수 있습니다. 큰 동영상은 연결이 끊겨도 이어서 올립니다.",
    photosLabel: "사진",
    photosHint: "사진은 한 장에 20MB까지 올릴 수 있고, 담당 부서도 사진을 봅니다.",
    noScript: "파일을 올리려면 브라우저의 자바스크립트를 켜 주세요.",
    progress: "{{name}} 올리는 중",
    done: "{{name}} 올렸습니다",
    remove: "{{name}} 빼기",
    failed: "{{name}}: {{reason}}",
    unknownFailure: "파일을 올리지 못했습니다. 잠시 뒤 다시 시도해 주세요.",
  },
  list: {
    photo: "{{name}} 사진",
    download: "{{name}} 내려받기 ({{size}})",
    remove: "{{name}} 첨부 빼기",
    keep: "첨부한 파일",
  },
  gallery: {
    title: "{{cohort}} 활동 사진",
    intro: "팀이 활동을 기록하며 올린 사진입니다. 활동 내용과 메모는 팀만 봅니다.",
    team: "{{number}}팀",
    empty: "아직 올라온 사진이 없습니다.",
    link: "팀 활동 사진 보기",
    photoOf: "{{number}}팀 {{date}} 활동 사진",
  },
  error: {
    kindInvalid: "사진, 동영상, 문서 중 하나를 올려 주세요.",
    nameInvalid: "파일 이름에 쓸 수 없는 문자가 있습니다. 이름을 바꿔 다시 올려 주세요.",
    tooLarge: "파일이 너무 큽니다. 이 종류는 {{limit}}까지 올릴 수 있습니다.",
    empty: "빈 파일은 올릴 수 없습니다.",
    typeRefused:
      "파일 내용이 사진, 동영상, 문서 형식이 아니어서 올리지 않았습니다. 실행 파일이나 이름만 바꾼 파일은 올릴 수 없습니다.",
    notFound: "파일을 찾을 수 없습니다. 다시 올려 주세요.",
    tooMany: "파일은 {{max}}개까지 첨부할 수 있습니다.",
    notAPhoto: "활동에는 사진만 첨부할 수 있습니다.",
  },
};

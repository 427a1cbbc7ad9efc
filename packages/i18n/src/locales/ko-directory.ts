/** Korean messages of the directory screens (part of the "common" namespace, under "directory"). */
export const koDirectory = {};

/**
 * A locale's messages shaped like Korean's, the source of the key set: the same keys, each a string, and
 * beside every plural "_other" key its "_one" form. Korean has a single plural form, so it writes only
 * "_other"; English needs both (i18next picks one by `count`).
 */
export type Translation<Messages> = {
  [Key in keyof Messages as
    | Key
    | (Key extends `${infer Base}_other` ? `${Base}_one` : never)]: Messages[Key] extends string
    ? string
    : Translation<Messages[Key]>;
};

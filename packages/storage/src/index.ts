export { requestedRange } from "./byte-range";
export {
  type ByteRange,
  type FileBody,
  type FileStorage,
  InvalidStorageKeyError,
  LocalFileStorage,
  type StoredFile,
} from "./file-storage";
export { detectMediaType, photoThumbnail, SNIFF_BYTES, THUMBNAIL_SIZE } from "./media";

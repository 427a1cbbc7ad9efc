export {
  type FileBody,
  type FileStorage,
  InvalidStorageKeyError,
  LocalFileStorage,
  type StoredFile,
} from "./file-storage";

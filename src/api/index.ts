/** `asset-gallery-elements/api`: the wire schemas, the assets client and its typed errors. */
export {
  BULK_GET_MAX,
  createAssetsClient,
  DEFAULT_ENDPOINT,
  type ApiStyle,
  type AssetsClient,
  type AssetsClientOptions,
  type FetchLike,
  type HeadersOption,
  type ListParams,
  type RequestOptions,
  type StatusFilter,
  type UploadOptions,
  type UploadProgress,
} from './client.js';
export {
  AssetListResponseSchema,
  AssetResponseSchema,
  UploadAssetResponseSchema,
  isParsedAsset,
  parseAsset,
  parseAssetList,
  toAsset,
  type Asset,
  type AssetPage,
  type AssetResponse,
  type UploadAssetResponse,
} from './schemas.js';
export {
  AssetsApiError,
  ConfigError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  describeError,
  errorDetail,
  isAbortError,
  type AssetsApiErrorKind,
  type ErrorDetail,
} from './errors.js';
export { toSafeUrl } from './urls.js';

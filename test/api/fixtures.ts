/**
 * Sample payloads copied verbatim from shared/spec/backend-contract.md section 9 (invented values shaped
 * like the real PixSim7 schema). Each export is a function so that a test can change its copy freely.
 */

/** Section 9.1: `GET /api/v1/assets?limit=10`, Era A shape (tags as strings, `provider_flagged`). */
export function eraAListSample(): Record<string, unknown> & { assets: Record<string, unknown>[] } {
  return {
    "assets": [
      {
        "id": 1042, "user_id": 1, "media_type": "video", "provider_id": "pixverse",
        "provider_asset_id": "381947226051264",
        "remote_url": "https://media.pixverse.ai/openapi/output/7f3c2a9e-1b4d-4c8e-9a61-2d5e8f0b7c13.mp4",
        "thumbnail_url": "https://media.pixverse.ai/openapi/output/7f3c2a9e-1b4d-4c8e-9a61-2d5e8f0b7c13.mp4",
        "local_path": null,
        "file_url": "https://media.pixverse.ai/openapi/output/7f3c2a9e-1b4d-4c8e-9a61-2d5e8f0b7c13.mp4",
        "sync_status": "remote", "file_size_bytes": null, "duration_sec": 5.0, "width": 1280, "height": 720,
        "mime_type": "video/mp4", "description": "Neon koi drifting through a rain-soaked alley",
        "tags": ["cyberpunk", "rain"],
        "provider_status": "ok", "provider_flagged": false, "provider_flag_reason": null,
        "created_at": "2025-11-21T18:02:11.482913"
      },
      {
        "id": 1041, "user_id": 1, "media_type": "image", "provider_id": "pixverse",
        "provider_asset_id": "5d1f0c7e-3a2b-4f9d-8e6c-1b7a9d2e4f60",
        "remote_url": "https://media.pixverse.ai/openapi/5d1f0c7e-3a2b-4f9d-8e6c-1b7a9d2e4f60.jpg",
        "thumbnail_url": "https://media.pixverse.ai/openapi/5d1f0c7e-3a2b-4f9d-8e6c-1b7a9d2e4f60.jpg",
        "local_path": "data/storage/user/1/assets/1041.jpg",
        "file_url": "/api/v1/assets/1041/file",
        "sync_status": "downloaded", "file_size_bytes": 734512, "duration_sec": null, "width": 1024, "height": 1536,
        "mime_type": "image/jpeg", "description": null,
        "tags": ["user_upload", "from_url"],
        "provider_status": "ok", "provider_flagged": false, "provider_flag_reason": null,
        "created_at": "2025-11-21T17:55:40.117204"
      },
      {
        "id": 1040, "user_id": 1, "media_type": "image", "provider_id": "pixverse",
        "provider_asset_id": "local_9c1e4b7a2d3f6e08",
        "remote_url": null,
        "thumbnail_url": "/api/v1/assets/1040/file",
        "local_path": "data/storage/user/1/assets/1040.png",
        "file_url": "/api/v1/assets/1040/file",
        "sync_status": "downloaded", "file_size_bytes": 2211840, "duration_sec": null, "width": 1920, "height": 1080,
        "mime_type": "image/png", "description": null,
        "tags": ["user_upload", "from_url"],
        "provider_status": "local_only", "provider_flagged": false, "provider_flag_reason": null,
        "created_at": "2025-11-21T17:51:03.902551"
      },
      {
        "id": 1039, "user_id": 1, "media_type": "image", "provider_id": "pixverse",
        "provider_asset_id": null,
        "remote_url": null,
        "thumbnail_url": "/api/v1/assets/1039/file",
        "local_path": "data/storage/user/1/assets/1039.webp",
        "file_url": "/api/v1/assets/1039/file",
        "sync_status": "downloaded",
        "tags": [],
        "provider_status": "local_only", "provider_flagged": false,
        "created_at": "2025-11-21T17:40:27"
      },
      {
        "id": 1038, "user_id": 1, "media_type": "video", "provider_id": "pixverse",
        "provider_asset_id": "381902718842112",
        "remote_url": "https://media.pixverse.ai/openapi/output/0b9e7d4c-55aa-4f21-b3c8-6e1f2a7d9c40.mp4",
        "thumbnail_url": "/api/v1/assets/1038/file",
        "local_path": "data/storage/user/1/assets/1038.mp4",
        "file_url": "/api/v1/assets/1038/file",
        "sync_status": "downloaded", "file_size_bytes": 9437184, "duration_sec": 8.0, "width": 1280, "height": 720,
        "mime_type": "video/mp4", "description": "Dancer spinning under red stage lights",
        "tags": ["dance"],
        "provider_status": "flagged", "provider_flagged": true, "provider_flag_reason": "post_delivery_moderation",
        "created_at": "2025-11-21T16:12:58.331870"
      },
      {
        "id": 1037, "user_id": 1, "media_type": "image", "provider_id": "pixverse",
        "provider_asset_id": "a4e7c2d9-6b1f-4e03-9c58-0f2d7e1b3a96",
        "remote_url": "https://media.pixverse.ai/pixverse/i2i/ori/a4e7c2d9-6b1f-4e03-9c58-0f2d7e1b3a96.png",
        "thumbnail_url": "https://media.pixverse.ai/pixverse/i2i/ori/a4e7c2d9-6b1f-4e03-9c58-0f2d7e1b3a96.png",
        "local_path": null,
        "file_url": "https://media.pixverse.ai/pixverse/i2i/ori/a4e7c2d9-6b1f-4e03-9c58-0f2d7e1b3a96.png",
        "sync_status": "remote", "file_size_bytes": null, "duration_sec": null, "width": 768, "height": 1344,
        "mime_type": "image/png", "description": null,
        "tags": [],
        "provider_status": "flagged", "provider_flagged": true, "provider_flag_reason": "early_cdn_filtered",
        "created_at": "2025-11-21T15:47:09.774015"
      },
      {
        "id": 1036, "user_id": 1, "media_type": "video", "provider_id": "pixverse",
        "provider_asset_id": "",
        "remote_url": null, "thumbnail_url": null, "local_path": null, "file_url": null,
        "sync_status": "error", "file_size_bytes": null, "duration_sec": null, "width": null, "height": null,
        "mime_type": null, "description": null,
        "tags": [],
        "provider_status": "unknown", "provider_flagged": false, "provider_flag_reason": null,
        "created_at": "2025-11-20T22:30:14.205117"
      },
      {
        "id": 1035, "user_id": 1, "media_type": "video", "provider_id": "pixverse",
        "provider_asset_id": "380556120934477",
        "remote_url": "https://media.pixverse.ai/openapi/output/e2c94d1a-7f30-4b6b-9d8e-3a5c0f1b7e22.mp4",
        "thumbnail_url": "https://media.pixverse.ai/openapi/output/e2c94d1a-7f30-4b6b-9d8e-3a5c0f1b7e22.mp4",
        "local_path": null,
        "file_url": "https://media.pixverse.ai/openapi/output/e2c94d1a-7f30-4b6b-9d8e-3a5c0f1b7e22.mp4",
        "sync_status": "remote", "file_size_bytes": null, "duration_sec": 5.0, "width": 960, "height": 540,
        "mime_type": "video/mp4", "description": "Paper boat on a windy lake",
        "tags": [],
        "created_at": "2025-11-20T21:05:44.918302"
      },
      {
        "id": 1034, "user_id": 1, "media_type": "image", "provider_id": "pixverse",
        "provider_asset_id": "local_0e6d4c2b9a8f7153",
        "remote_url": null,
        "thumbnail_url": "/api/v1/assets/1034/file",
        "local_path": "data/storage/user/1/assets/1034.jpg",
        "file_url": "/api/v1/assets/1034/file",
        "sync_status": "downloaded", "file_size_bytes": 188416, "duration_sec": null, "width": 1280, "height": 720,
        "mime_type": "image/jpeg", "description": null,
        "tags": [],
        "provider_status": null, "provider_flagged": false, "provider_flag_reason": null,
        "created_at": "2025-11-20T19:26:31.640288"
      },
      {
        "id": 1033, "user_id": 1, "media_type": "image", "provider_id": "pixverse",
        "provider_asset_id": "c81f5e2a-9d37-4b6e-a0f4-7e2b1d9c6a35",
        "remote_url": "https://media.pixverse.ai/pixverse/i2i/ori/c81f5e2a-9d37-4b6e-a0f4-7e2b1d9c6a35.png",
        "thumbnail_url": "https://media.pixverse.ai/pixverse/i2i/ori/c81f5e2a-9d37-4b6e-a0f4-7e2b1d9c6a35.png",
        "local_path": null,
        "file_url": "https://media.pixverse.ai/pixverse/i2i/ori/c81f5e2a-9d37-4b6e-a0f4-7e2b1d9c6a35.png",
        "sync_status": "remote", "file_size_bytes": null, "duration_sec": null, "width": 1024, "height": 1024,
        "mime_type": "image/png", "description": "Watercolor fox portrait",
        "tags": ["watercolor"],
        "provider_status": "ok", "provider_flagged": false, "provider_flag_reason": null,
        "created_at": "2025-11-20T18:03:52.057731"
      }
    ],
    "total": 10,
    "limit": 10,
    "offset": 0,
    "next_cursor": "2025-11-20T18:03:52.057731|1033"
  };
}

/** Section 9.2: one item in HEAD shape (`POST /api/v1/assets/search`), tags as `TagSummary` objects. */
export function headItemSample(): Record<string, unknown> {
  return {
    "id": 5120, "user_id": 1, "media_type": "image", "provider_id": "pixverse",
    "provider_asset_id": "local_4f2a9c0e7b1d8635",
    "remote_url": null, "local_path": "<media_root>/u/1/content/4f/4f2a9c0e7b1d86350c5e9a1f7d3b2e6849a0c1d5f7e3b9a2c4d6e8f0a1b3c5d7.jpg",
    "stored_key": "u/1/content/4f/4f2a9c0e7b1d86350c5e9a1f7d3b2e6849a0c1d5f7e3b9a2c4d6e8f0a1b3c5d7.jpg",
    "file_url": "/api/v1/media/u/1/content/4f/4f2a9c0e7b1d86350c5e9a1f7d3b2e6849a0c1d5f7e3b9a2c4d6e8f0a1b3c5d7.jpg",
    "thumbnail_url": "/api/v1/media/u/1/thumbnails/4f/4f2a9c0e7b1d86350c5e9a1f7d3b2e6849a0c1d5f7e3b9a2c4d6e8f0a1b3c5d7.jpg",
    "preview_url": "/api/v1/media/u/1/previews/5120.jpg",
    "sync_status": "downloaded", "upload_method": "web",
    "tags": [{"id": 7, "slug": "source:web", "namespace": "source", "name": "web", "display_name": null, "source": "auto"}],
    "provider_status": "flagged", "provider_uploads": {}, "last_upload_status_by_provider": null,
    "provider_removal_failed": false, "recovered": false, "asset_kind": "content",
    "created_at": "2026-06-30T09:14:22.508113"
  };
}

/** Section 9.3: provider success, HEAD shape. */
export function uploadSuccessHead(): Record<string, unknown> {
  return {
    "provider_id": "pixverse",
    "media_type": "image",
    "external_url": "https://media.pixverse.ai/openapi/5d1f0c7e-3a2b-4f9d-8e6c-1b7a9d2e4f60.jpg",
    "provider_asset_id": "5d1f0c7e-3a2b-4f9d-8e6c-1b7a9d2e4f60",
    "asset_id": 1041,
    "note": "Uploaded via OpenAPI",
    "versioning_status": "not_requested"
  };
}

/** Section 9.3: provider success, Era A shape (placeholder `local_` id, no asset_id). */
export function uploadSuccessEraA(): Record<string, unknown> {
  return {
    "provider_id": "pixverse",
    "media_type": "image",
    "external_url": "https://media.pixverse.ai/openapi/5d1f0c7e-3a2b-4f9d-8e6c-1b7a9d2e4f60.jpg",
    "provider_asset_id": "local_5b0e9d3c1a7f2e64",
    "note": "Uploaded to provider successfully"
  };
}

/** Section 9.3: local-only failure, HEAD shape. */
export function uploadLocalOnlyHead(): Record<string, unknown> {
  return {
    "provider_id": "pixverse",
    "media_type": "image",
    "external_url": "/api/v1/assets/1040/file",
    "provider_asset_id": "local_9c1e4b7a2d3f6e08",
    "asset_id": 1040,
    "note": "Asset saved locally; provider upload failed: No available account for provider 'pixverse'",
    "versioning_status": "not_requested"
  };
}

/** One item of the section 9.1 sample, by id (a fresh copy). */
export function eraAItem(id: number): Record<string, unknown> {
  const item = eraAListSample().assets.find((asset) => asset['id'] === id);
  if (!item) throw new Error(`no item ${id} in the section 9.1 sample`);
  return item;
}

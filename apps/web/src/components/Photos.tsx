import { FileImageOutlined } from '@ant-design/icons';
import { Image, Space, Tag } from 'antd';

const isImage = (v: string) => /^(data:image\/|https?:\/\/|\/)/.test(v);

/**
 * Photos of a work order as the server stores them: image URLs or data-URL thumbnails are shown; any
 * other string (a file name recorded while the server has no upload endpoint) is shown as a chip.
 */
export function PhotoList({ photos, size = 64 }: { photos: string[]; size?: number }) {
  if (!photos.length) return null;
  return (
    <Image.PreviewGroup>
      <Space size={[6, 6]} wrap>
        {photos.map((p, i) =>
          isImage(p) ? (
            <Image
              // biome-ignore lint/suspicious/noArrayIndexKey: photos are an ordered list that may repeat
              key={`${i}`}
              src={p}
              width={size}
              height={size}
              style={{ objectFit: 'cover', borderRadius: 6 }}
              alt=""
            />
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <Tag key={`${i}`} icon={<FileImageOutlined />} style={{ marginInlineEnd: 0 }}>
              {p}
            </Tag>
          ),
        )}
      </Space>
    </Image.PreviewGroup>
  );
}

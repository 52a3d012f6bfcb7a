import { FileImageOutlined } from '@ant-design/icons';
import { Image, Space, Tag } from 'antd';
import { thumbnailOf } from '../api/uploads';

const isImage = (v: string) => /^(data:image\/|https?:\/\/|\/)/.test(v);

/**
 * Photos of a work order or a report: uploads show their thumbnail and open at full size; older
 * data-URL thumbnails and links are shown as they are; any other string (a file name recorded
 * before the upload endpoint existed) as a chip. `rewrite` maps a URL for the reader (the portal).
 */
export function PhotoList({
  photos,
  size = 64,
  rewrite = (u) => u,
}: {
  photos: string[];
  size?: number;
  rewrite?: (url: string) => string;
}) {
  if (!photos.length) return null;
  return (
    <Image.PreviewGroup>
      <Space size={[6, 6]} wrap>
        {photos.map((p, i) =>
          isImage(p) ? (
            <Image
              // biome-ignore lint/suspicious/noArrayIndexKey: photos are an ordered list that may repeat
              key={`${i}`}
              src={rewrite(thumbnailOf(p))}
              preview={{ src: rewrite(p) }}
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

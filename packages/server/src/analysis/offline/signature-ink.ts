// How much of a drawn signature's box holds ink: a blank canvas sent by mistake has almost none.
import sharp from 'sharp';

/** The share of pixels darker than mid-grey, on white (a transparent PNG is flattened onto white first). */
export async function inkShare(image: Uint8Array): Promise<number> {
  const { data, info } = await sharp(image).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 128) ink++;
  return ink / (info.width * info.height);
}

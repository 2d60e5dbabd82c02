import type { HandlerTable } from '../dispatch';
import { getMedia, listMedia } from '../../library/media-query';
import { updateMedia } from '../../library/media-edit';
import { openForPlayback, thumbnailUrl } from '../../library/playback';

type LibraryOps = 'media.list' | 'media.get' | 'media.update' | 'media.play';

/** The Library: search, edit (logged) and playback (view logged). */
export const libraryHandlers: Pick<HandlerTable, LibraryOps> = {
  'media.list': (e, filter) => {
    const page = listMedia(e.db, filter);
    for (const item of page.items) item.thumbUrl = thumbnailUrl(e.db, e.tickets, e.layout.derived, item.id);
    return page;
  },
  'media.get': (e, { id }) => ({
    ...getMedia(e.db, id),
    thumbUrl: thumbnailUrl(e.db, e.tickets, e.layout.derived, id),
  }),
  'media.update': (e, { id, ...changes }, caller) =>
    updateMedia({ db: e.db, custody: e.custody, clock: e.ctx.clock }, id, changes, caller.user!.login),
  'media.play': (e, { id }, caller) =>
    openForPlayback(
      { db: e.db, custody: e.custody, tickets: e.tickets, dirs: e.layout },
      id,
      caller.user!.login,
    ),
};

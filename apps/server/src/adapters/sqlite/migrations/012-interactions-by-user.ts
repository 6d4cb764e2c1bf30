export const interactionsByUserSchema = {
  name: '012-interactions-by-user',
  sql: `
    -- A deleted account's comment likes are found by user (forgetUser), not by scanning every comment's likes.
    CREATE INDEX comment_likes_by_user ON comment_likes(user_id);
  `,
};

-- A signed-in user may list their own memberships in every tenant (to find where they work), and
-- nothing else of those tenants: a read-only policy keyed on app.user_id, set only by withUser().
CREATE POLICY "own_memberships" ON "memberships" FOR SELECT
  USING ("user_id" = nullif(current_setting('app.user_id', true), '')::uuid);

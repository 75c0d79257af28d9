import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { LoadingState } from './components/spinner';
import { ToastProvider } from './components/toast';
import { AppLayout } from './layout/app-layout';
import { RedirectIfSignedIn, RequireAuth } from './layout/require-auth';
import { SessionProvider } from './lib/session';
import { AccountPage } from './modules/identity/account-page';
import { AuditPage } from './modules/audit/audit-page';
import { ChatTab } from './modules/chat/chat-tab';
import { CheckEmailPage } from './modules/identity/check-email-page';
import { ForgotPasswordPage } from './modules/identity/forgot-password-page';
import { LoginPage } from './modules/identity/login-page';
import { MembersPage } from './modules/organizations/members-page';
import { NotFoundPage } from './layout/not-found-page';
import { DiagramsTab } from './modules/diagrams/diagrams-tab';
import { DocumentsTab } from './modules/documents/documents-tab';
import { ModelTab } from './modules/project-model/model-tab';
import { ProjectDetailPage, ProjectOverviewTab } from './modules/projects/project-detail-page';
import { ProjectsPage } from './modules/projects/projects-page';
import { RegisterPage } from './modules/identity/register-page';
import { ResetPasswordPage } from './modules/identity/reset-password-page';
import { AiSettingsPage } from './modules/ai/ai-settings-page';
import { SettingsPage } from './modules/organizations/settings-page';
import { UsagePage } from './modules/ai/usage-page';
import { VerifyEmailPage } from './modules/identity/verify-email-page';
import { WireframesTab } from './modules/wireframes/wireframes-tab';

// The document page (editor, history and diffs) loads on first use.
const DocumentPage = lazy(() => import('./modules/documents/document-page').then((module) => ({ default: module.DocumentPage })));
// The diagram editor brings Mermaid, the largest library of the app: it loads only when a diagram is opened.
const DiagramPage = lazy(() => import('./modules/diagrams/diagram-page').then((module) => ({ default: module.DiagramPage })));
// The backlog brings the board's drag and drop: it loads when the Backlog tab is opened.
const BacklogArea = lazy(() => import('./modules/backlog/backlog-area').then((module) => ({ default: module.BacklogArea })));
// The board room and its forms load when the Board is opened.
const BoardPage = lazy(() => import('./modules/board/board-page').then((module) => ({ default: module.BoardPage })));
const ProjectBoardTab = lazy(() => import('./modules/board/board-page').then((module) => ({ default: module.ProjectBoardTab })));
const NewSessionPage = lazy(() => import('./modules/board/new-session-page').then((module) => ({ default: module.NewSessionPage })));
const IntegrationsPage = lazy(() => import('./modules/integrations/integrations-page').then((module) => ({ default: module.IntegrationsPage })));
const BoardSettingsPage = lazy(() => import('./modules/board/board-settings-page').then((module) => ({ default: module.BoardSettingsPage })));
const SessionRoomPage = lazy(() => import('./modules/board/session-room-page').then((module) => ({ default: module.SessionRoomPage })));
// The database assistant (connections, schema browser, diffs, ER diagrams) loads when Databases is opened.
const DatabasesPage = lazy(() => import('./modules/dbassist/databases-page').then((module) => ({ default: module.DatabasesPage })));
const ConnectionPage = lazy(() => import('./modules/dbassist/connection-page').then((module) => ({ default: module.ConnectionPage })));
const WireframePage = lazy(() => import('./modules/wireframes/wireframe-page').then((module) => ({ default: module.WireframePage })));

export function App() {
  return (
    <ToastProvider>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<RedirectIfSignedIn><LoginPage /></RedirectIfSignedIn>} />
          <Route path="/register" element={<RedirectIfSignedIn><RegisterPage /></RedirectIfSignedIn>} />
          <Route path="/check-email" element={<CheckEmailPage />} />
          <Route path="/verify-email" element={<VerifyEmailPage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route element={<RequireAuth><AppLayout /></RequireAuth>}>
            <Route index element={<Navigate to="/projects" replace />} />
            <Route path="/projects" element={<ProjectsPage key="active" view="active" />} />
            <Route path="/projects/:projectId" element={<ProjectDetailPage />}>
              <Route index element={<ProjectOverviewTab />} />
              <Route path="documents" element={<DocumentsTab />} />
              <Route path="model" element={<ModelTab />} />
              <Route path="backlog/*" element={
                  <Suspense fallback={<LoadingState label="Loading backlog" />}>
                    <BacklogArea />
                  </Suspense>
                } />
              <Route path="diagrams" element={<DiagramsTab />} />
              <Route path="wireframes" element={<WireframesTab />} />
              <Route path="board" element={
                  <Suspense fallback={<LoadingState label="Loading board sessions" />}>
                    <ProjectBoardTab />
                  </Suspense>
                } />
              <Route path="chat" element={<ChatTab />} />
              <Route path="chat/:conversationId" element={<ChatTab />} />
            </Route>
            <Route path="/projects/:projectId/documents/:documentId" element={
                <Suspense fallback={<LoadingState label="Loading document" />}>
                  <DocumentPage />
                </Suspense>
              } />
            <Route path="/projects/:projectId/diagrams/:diagramId" element={
                <Suspense fallback={<LoadingState label="Loading diagram" />}>
                  <DiagramPage />
                </Suspense>
              } />
            <Route path="/projects/:projectId/wireframes/:wireframeId" element={
                <Suspense fallback={<LoadingState label="Loading wireframe" />}>
                  <WireframePage />
                </Suspense>
              } />
            <Route path="/board" element={
                <Suspense fallback={<LoadingState label="Loading the board" />}>
                  <BoardPage />
                </Suspense>
              } />
            <Route path="/board/new" element={
                <Suspense fallback={<LoadingState label="Loading" />}>
                  <NewSessionPage />
                </Suspense>
              } />
            <Route path="/board/sessions/:sessionId" element={
                <Suspense fallback={<LoadingState label="Loading the session" />}>
                  <SessionRoomPage />
                </Suspense>
              } />
            <Route path="/databases" element={
                <Suspense fallback={<LoadingState label="Loading databases" />}>
                  <DatabasesPage />
                </Suspense>
              } />
            <Route path="/databases/:connectionId/*" element={
                <Suspense fallback={<LoadingState label="Loading the connection" />}>
                  <ConnectionPage />
                </Suspense>
              } />
            <Route path="/trash" element={<ProjectsPage key="trash" view="trash" />} />
            <Route path="/members" element={<MembersPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/usage" element={<UsagePage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/settings/ai" element={<AiSettingsPage />} />
            <Route path="/settings/board" element={
                <Suspense fallback={<LoadingState label="Loading" />}>
                  <BoardSettingsPage />
                </Suspense>
              } />
            <Route path="/settings/integrations" element={
                <Suspense fallback={<LoadingState label="Loading the integrations" />}>
                  <IntegrationsPage />
                </Suspense>
              } />
            <Route path="/account" element={<AccountPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </ToastProvider>
  );
}
